CREATE TYPE "public"."body_member_role" AS ENUM('leder', 'nestleder', 'medlem', 'ansattrepresentant', 'varamedlem', 'observator', 'sekretar');--> statement-breakpoint
CREATE TYPE "public"."case_numbering" AS ENUM('meeting', 'running');--> statement-breakpoint
CREATE TYPE "public"."cooperation_form" AS ENUM('vertskommune', 'oppgavefellesskap', 'iks', 'annet');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('kvinne', 'mann', 'ikke_oppgitt');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'staff', 'council', 'municipality');--> statement-breakpoint
CREATE TYPE "public"."staff_employer" AS ENUM('vertskommune', 'samarbeidet');--> statement-breakpoint
CREATE TYPE "public"."attendance_role" AS ENUM('til_stede', 'forfall', 'observator', 'administrasjon', 'referent');--> statement-breakpoint
CREATE TYPE "public"."case_access" AS ENUM('offentlig', 'unntatt');--> statement-breakpoint
CREATE TYPE "public"."case_type" AS ENUM('vedtak', 'orientering', 'diskusjon');--> statement-breakpoint
CREATE TYPE "public"."conclusion_kind" AS ENUM('vedtak', 'enighet');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('planlagt', 'innkalt', 'avholdt', 'godkjent');--> statement-breakpoint
CREATE TYPE "public"."standing_case" AS ENUM('innkalling', 'referat');--> statement-breakpoint
CREATE TYPE "public"."vote_choice" AS ENUM('for', 'mot', 'blank');--> statement-breakpoint
CREATE TYPE "public"."actual_source" AS ENUM('import', 'manuell');--> statement-breakpoint
CREATE TYPE "public"."economy_line_kind" AS ENUM('drift', 'investering');--> statement-breakpoint
CREATE TYPE "public"."economy_exit_settlement_basis" AS ENUM('nokkel', 'vedtatt_belop');--> statement-breakpoint
CREATE TYPE "public"."economy_exit_settlement_line_kind" AS ENUM('fond', 'investering', 'vedtatt_belop');--> statement-breakpoint
CREATE TYPE "public"."economy_exit_settlement_status" AS ENUM('utkast', 'vedtatt');--> statement-breakpoint
CREATE TYPE "public"."economy_fund_kind" AS ENUM('bundet_driftsfond', 'prosjektfond', 'disposisjonsfond');--> statement-breakpoint
CREATE TYPE "public"."economy_fund_movement_kind" AS ENUM('inngaende_saldo', 'avsetning', 'bruk');--> statement-breakpoint
CREATE TYPE "public"."investment_project_status" AS ENUM('planlagt', 'pagar', 'avsluttet', 'avlyst');--> statement-breakpoint
CREATE TYPE "public"."sd_channel" AS ENUM('portal', 'epost', 'telefon', 'oppmote', 'chat', 'annet');--> statement-breakpoint
CREATE TYPE "public"."sd_priority" AS ENUM('lav', 'medium', 'hoy', 'kritisk');--> statement-breakpoint
CREATE TYPE "public"."sd_status" AS ENUM('ny', 'under_arbeid', 'venter_bruker', 'venter_leverandor', 'lost', 'lukket');--> statement-breakpoint
CREATE TYPE "public"."sd_ticket_type" AS ENUM('feilmelding', 'tjenesteforesporsel', 'annet');--> statement-breakpoint
CREATE TYPE "public"."report_kind" AS ENUM('aktivitetsrapport', 'arsrapport');--> statement-breakpoint
CREATE TYPE "public"."report_section_access" AS ENUM('offentlig', 'unntatt');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('utkast', 'til_gjennomsyn', 'godkjent');--> statement-breakpoint
CREATE TYPE "public"."eq_device_category" AS ENUM('ansatt', 'elev');--> statement-breakpoint
CREATE TYPE "public"."eq_licence_decision" AS ENUM('keep', 'remove');--> statement-breakpoint
CREATE TYPE "public"."eq_missing_purchase" AS ENUM('enrolled', 'first_seen');--> statement-breakpoint
CREATE TYPE "public"."eq_order_state" AS ENUM('ordered', 'delivered', 'rolled_out', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."eq_replacement_state" AS ENUM('invited', 'deferred', 'requested', 'approved', 'rejected', 'ordered', 'delivered', 'handed_over', 'old_returned', 'old_wiped', 'retired');--> statement-breakpoint
CREATE TYPE "public"."eq_retirement_step" AS ENUM('returned', 'wiped', 'recycled');--> statement-breakpoint
CREATE TYPE "public"."portfolio_cost_event_kind" AS ENUM('join', 'leave');--> statement-breakpoint
CREATE TYPE "public"."portfolio_cost_model" AS ENUM('key', 'population', 'fixedPlusPopulation', 'equal');--> statement-breakpoint
CREATE TYPE "public"."portfolio_decision_outcome" AS ENUM('go', 'no_go');--> statement-breakpoint
CREATE TYPE "public"."portfolio_pipeline_step" AS ENUM('faggruppe', 'portefoljerad', 'samarbeidsrad');--> statement-breakpoint
CREATE TYPE "public"."portfolio_procurement_stage" AS ENUM('behov', 'kunngjort', 'tilbudsfrist', 'evaluering', 'tildeling', 'karens', 'kontrakt');--> statement-breakpoint
CREATE TYPE "public"."portfolio_phase" AS ENUM('ide', 'konsept', 'planlegging', 'gjennomforing', 'avslutning', 'gevinstrealisering');--> statement-breakpoint
CREATE TYPE "public"."portfolio_proposal_stage" AS ENUM('forslag', 'faggruppe', 'portefoljerad', 'samarbeidsrad', 'vedtatt', 'avslatt');--> statement-breakpoint
CREATE TYPE "public"."portfolio_week_status" AS ENUM('pa_plan', 'mindre_forsinkelser', 'forsinket', 'utsatt', 'uavklart', 'ferdig');--> statement-breakpoint
CREATE TABLE "bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'rad' NOT NULL,
	"case_numbering" "case_numbering" DEFAULT 'meeting' NOT NULL,
	"case_prefix" text,
	"case_pattern" text,
	"active" boolean DEFAULT true NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "body_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" "body_member_role" DEFAULT 'medlem' NOT NULL,
	"municipality_id" uuid,
	"from_date" date NOT NULL,
	"to_date" date,
	"deputy_for_person_id" uuid,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cooperations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"host_municipality_id" uuid,
	"founded" date,
	"organisation_number" text,
	"form" "cooperation_form",
	"staff_employer" "staff_employer",
	"address" text,
	"letterhead" text,
	"logo_sha256" text,
	"logo_content_type" text,
	"logo_size" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"valid_to" date,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"joined" date NOT NULL,
	"left" date,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"number" text,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"email" text,
	"title" text,
	"municipality_id" uuid,
	"gender" "gender" DEFAULT 'ikke_oppgitt' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"title" text,
	"fte_hundredths" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "setup_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "trusted_devices" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"municipality_id" uuid,
	"person_id" uuid,
	"password_hash" text,
	"oidc_subject" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "user_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_email" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"link" text,
	"source" text NOT NULL,
	"source_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "archived_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" "attendance_role" NOT NULL,
	"municipality_id" uuid,
	"note" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_presenters" (
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_votes" (
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"choice" "vote_choice" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_id" uuid,
	"year" integer NOT NULL,
	"position" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"number_locked" boolean DEFAULT false NOT NULL,
	"standing" "standing_case",
	"title" text NOT NULL,
	"case_type" "case_type" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"proposal_kind" "conclusion_kind" DEFAULT 'vedtak' NOT NULL,
	"proposal" text DEFAULT '' NOT NULL,
	"access" "case_access" DEFAULT 'offentlig' NOT NULL,
	"public_title" text,
	"legal_basis_id" uuid,
	"presentation" jsonb,
	"decision_kind" "conclusion_kind",
	"decision_text" text,
	"treatment" text,
	"voted" boolean DEFAULT false NOT NULL,
	"decided_at" date,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('norwegian'::regconfig,
    coalesce(number, '') || ' ' || coalesce(title, '') || ' ' || coalesce(description, '') || ' ' ||
    coalesce(proposal, '') || ' ' || coalesce(decision_text, '') || ' ' || coalesce(treatment, ''))) STORED,
	"public_search_vector" "tsvector" GENERATED ALWAYS AS (case when access = 'offentlig'
    then to_tsvector('norwegian'::regconfig, coalesce(number, '') || ' ' || coalesce(title, '') || ' ' ||
      coalesce(description, '') || ' ' || coalesce(proposal, '') || ' ' || coalesce(decision_text, '') || ' ' ||
      coalesce(treatment, ''))
    else to_tsvector('norwegian'::regconfig, coalesce(number, '') || ' ' || coalesce(public_title, '')) end) STORED
);
--> statement-breakpoint
CREATE TABLE "legal_bases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"law" text NOT NULL,
	"section" text NOT NULL,
	"paragraph" integer,
	"number" integer,
	"ref_law" text,
	"ref_section" text,
	"ref_paragraph" integer,
	"ref_number" integer,
	"description" text,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"date" date NOT NULL,
	"start_time" text,
	"end_time" text,
	"place" text NOT NULL,
	"status" "meeting_status" DEFAULT 'planlagt' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"historical" boolean DEFAULT false NOT NULL,
	"first_case_sequence" integer,
	"notice_version" integer DEFAULT 0 NOT NULL,
	"minutes_approved_at" timestamp with time zone,
	"minutes_approved_by_case_id" uuid,
	"minutes_pdf_sha256" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"attendance_revision" integer DEFAULT 1 NOT NULL,
	"agenda_revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_by" uuid,
	"snapshot" jsonb NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"paper_deliveries" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_revisions" (
	"scope" text PRIMARY KEY NOT NULL,
	"tag" uuid DEFAULT gen_random_uuid() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_account_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"account" text,
	"project" text,
	"line_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_actuals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"period" integer NOT NULL,
	"amount_ore" bigint NOT NULL,
	"source" "actual_source" NOT NULL,
	"import_id" uuid,
	"account" text,
	"project" text,
	"text" text,
	"revision" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_allocation_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"municipality_id" uuid NOT NULL,
	"share_millionths" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_budget_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"date" date NOT NULL,
	"change_ore" bigint NOT NULL,
	"decision_reference" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount_ore" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"kind" "economy_line_kind" NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_income" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"owner" text,
	"municipality_id" uuid,
	"start_year" integer,
	"end_year" integer,
	"status" "investment_project_status",
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"as_of" date NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"report" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_exit_settlement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"settlement_id" uuid NOT NULL,
	"kind" "economy_exit_settlement_line_kind" NOT NULL,
	"text" text NOT NULL,
	"base_ore" bigint,
	"share_millionths" integer,
	"amount_ore" bigint NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_exit_settlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"leaving_date" date NOT NULL,
	"basis" "economy_exit_settlement_basis" NOT NULL,
	"status" "economy_exit_settlement_status" DEFAULT 'utkast' NOT NULL,
	"decision_reference" text,
	"share_millionths" integer,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_explanations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"date" date NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_financing_frames" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"operating_frame_ore" bigint NOT NULL,
	"investment_frame_ore" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_forecasts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"date" date NOT NULL,
	"amount_ore" bigint NOT NULL,
	"comment" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_fund_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"kind" "economy_fund_movement_kind" NOT NULL,
	"date" date NOT NULL,
	"amount_ore" bigint NOT NULL,
	"decision_reference" text,
	"text" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"kind" "economy_fund_kind" NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_ledger_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"periods" integer[] NOT NULL,
	"filename" text NOT NULL,
	"row_count" integer NOT NULL,
	"total_ore" bigint NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sd_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sd_import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sd_kpi_counts" (
	"cooperation_id" uuid NOT NULL,
	"month" text NOT NULL,
	"municipality_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sd_kpi_counts_cooperation_id_month_municipality_id_dimension_value_pk" PRIMARY KEY("cooperation_id","month","municipality_id","dimension","value")
);
--> statement-breakpoint
CREATE TABLE "sd_phone_stats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"day" text NOT NULL,
	"municipality_id" uuid,
	"offered" integer NOT NULL,
	"answered" integer NOT NULL,
	"mean_wait_seconds" integer NOT NULL,
	"mean_talk_seconds" integer NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sd_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"municipality_id" uuid,
	"document" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sd_portal_sharing" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"sees_municipality" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sd_surveys" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"score" smallint NOT NULL,
	"comment" text,
	"answered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sd_team_members" (
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "sd_team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sd_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sd_ticket_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"by_desk" boolean NOT NULL,
	"kind" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sd_ticket_summaries" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"type" "sd_ticket_type" NOT NULL,
	"category" text NOT NULL,
	"channel" "sd_channel" NOT NULL,
	"priority" "sd_priority" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_month" text NOT NULL,
	"done_at" timestamp with time zone,
	"done_month" text,
	"resolution_elapsed_ms" bigint,
	"resolution_met" boolean,
	"solved_month" text,
	"closed_month" text
);
--> statement-breakpoint
CREATE TABLE "sd_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED BY DEFAULT AS IDENTITY (sequence name "sd_tickets_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cooperation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"requester_user_id" uuid,
	"requester_name" text NOT NULL,
	"requester_email" text,
	"type" "sd_ticket_type" NOT NULL,
	"category" text NOT NULL,
	"channel" "sd_channel" NOT NULL,
	"priority" "sd_priority" NOT NULL,
	"status" "sd_status" DEFAULT 'ny' NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"assignee_user_id" uuid,
	"team_id" uuid,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"solved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"sla_resolution_due_at" timestamp with time zone,
	"sla_warn_at" timestamp with time zone,
	"sla_resolution_breached_at" timestamp with time zone,
	"sla_resolution_met" boolean,
	"sla_resolution_elapsed_ms" bigint,
	"sla_first_response_due_at" timestamp with time zone,
	"sla_first_response_met" boolean,
	"sla_computed_at" timestamp with time zone,
	"sla_breach_recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"owner" uuid NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"committed" boolean DEFAULT false NOT NULL,
	"status" integer,
	"response_headers" jsonb,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "upload_usage" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"day_bytes" bigint NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"minute_uploads" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"accepted_by" text NOT NULL,
	"accepted_on" date NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_archives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"section_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"snapshot" jsonb,
	"frozen_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"section_id" uuid NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_name" text
);
--> statement-breakpoint
CREATE TABLE "report_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"metric" text NOT NULL,
	"dimension" text DEFAULT '' NOT NULL,
	"value" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_glossary_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"term" text NOT NULL,
	"definition" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_section_owners" (
	"section_id" uuid NOT NULL,
	"user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"template_section_id" uuid,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"narrative" jsonb NOT NULL,
	"carried_narrative" jsonb,
	"access" "report_section_access" DEFAULT 'offentlig' NOT NULL,
	"legal_basis_id" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_name" text
);
--> statement-breakpoint
CREATE TABLE "report_template_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"owner_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"kind" "report_kind" NOT NULL,
	"name" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"kind" "report_kind" NOT NULL,
	"title" text NOT NULL,
	"as_of" date NOT NULL,
	"year" integer NOT NULL,
	"meeting_id" uuid,
	"previous_report_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"status" "report_status" DEFAULT 'utkast' NOT NULL,
	"leader_user_id" uuid,
	"approved_at" date,
	"approved_by_name" text,
	"approved_by_user_id" uuid,
	"published" boolean DEFAULT false NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"attachment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_approvers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"unit" text,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eq_approvers_unit_uq" UNIQUE NULLS NOT DISTINCT("cooperation_id","municipality_id","unit")
);
--> statement-breakpoint
CREATE TABLE "eq_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"active" boolean NOT NULL,
	"standard_models" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"user_reminder_days" integer DEFAULT 7 NOT NULL,
	"approval_reminder_days" integer DEFAULT 3 NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_device_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"month" date NOT NULL,
	"source" text,
	"filename" text NOT NULL,
	"rows" integer NOT NULL,
	"new_devices" integer NOT NULL,
	"signed_in" integer NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_device_sign_ins" (
	"month" date NOT NULL,
	"device_id" uuid NOT NULL,
	"import_id" uuid,
	CONSTRAINT "eq_device_sign_ins_month_device_id_pk" PRIMARY KEY("month","device_id")
);
--> statement-breakpoint
CREATE TABLE "eq_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"category" "eq_device_category" NOT NULL,
	"serial" text NOT NULL,
	"name" text,
	"model" text,
	"manufacturer" text,
	"primary_user" text,
	"enrolled_on" date,
	"last_sign_in_at" timestamp with time zone,
	"purchased_on" date,
	"first_seen_month" date NOT NULL,
	"expiry_year" integer DEFAULT 0 NOT NULL,
	"purchase_assumed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_licence_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"municipality_id" uuid,
	"count" integer NOT NULL,
	"valid_from" date NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eq_licence_contracts_uq" UNIQUE NULLS NOT DISTINCT("product_id","municipality_id","valid_from")
);
--> statement-breakpoint
CREATE TABLE "eq_licence_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"user_key" text NOT NULL,
	"decision" "eq_licence_decision" NOT NULL,
	"comment" text,
	"month" date NOT NULL,
	"inactive_since" date NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_licence_import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_licence_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"month" date NOT NULL,
	"source" text,
	"filename" text NOT NULL,
	"rows" integer NOT NULL,
	"users" integer NOT NULL,
	"active" integer NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_licence_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"inactive_months" integer NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_licence_usage" (
	"import_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"month" date NOT NULL,
	"user_key" text NOT NULL,
	"municipality_id" uuid NOT NULL,
	"sign_ins" integer,
	"last_sign_in_on" date,
	"active" boolean NOT NULL,
	CONSTRAINT "eq_licence_usage_product_id_month_user_key_pk" PRIMARY KEY("product_id","month","user_key")
);
--> statement-breakpoint
CREATE TABLE "eq_lifecycle_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"category" "eq_device_category" NOT NULL,
	"years" integer NOT NULL,
	"when_purchase_missing" "eq_missing_purchase" NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_model_support" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"model" text NOT NULL,
	"end_of_support" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_order_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"state" "eq_order_state" NOT NULL,
	"on" date NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"category" "eq_device_category" NOT NULL,
	"quantity" integer NOT NULL,
	"model" text,
	"reference" text,
	"state" "eq_order_state" DEFAULT 'ordered' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_replacement_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"replacement_id" uuid NOT NULL,
	"state" "eq_replacement_state" NOT NULL,
	"on" date NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_replacements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"user_email" text NOT NULL,
	"state" "eq_replacement_state" NOT NULL,
	"model" text,
	"unit" text,
	"approver_name" text,
	"approver_email" text,
	"decision_token_hash" text,
	"approval_reminded_at" timestamp with time zone,
	"user_reminded_at" timestamp with time zone,
	"deferred_until" date,
	"new_device_id" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_retirement_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"step" "eq_retirement_step" NOT NULL,
	"on" date NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eq_stock_counts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"category" "eq_device_category" NOT NULL,
	"count" integer NOT NULL,
	"counted_on" date NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_cost_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"kind" "portfolio_cost_event_kind" NOT NULL,
	"municipality_id" uuid NOT NULL,
	"date" date NOT NULL,
	"entry_amount_ore" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_populations" (
	"cooperation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"inhabitants" integer NOT NULL,
	CONSTRAINT "portfolio_populations_cooperation_id_municipality_id_year_pk" PRIMARY KEY("cooperation_id","municipality_id","year")
);
--> statement-breakpoint
CREATE TABLE "portfolio_procurement_cases" (
	"procurement_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_procurement_cases_procurement_id_case_id_pk" PRIMARY KEY("procurement_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_procurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"project_id" uuid,
	"title" text NOT NULL,
	"stage" "portfolio_procurement_stage" DEFAULT 'behov' NOT NULL,
	"doffin_reference" text,
	"tender_deadline" timestamp with time zone,
	"award_sent_at" timestamp with time zone,
	"supplier" text,
	"standstill_days" integer NOT NULL,
	"standstill_rule" text NOT NULL,
	"contract_signed_at" timestamp with time zone,
	"note" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_project_kinds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"weekly_status" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"kind_id" uuid NOT NULL,
	"title" text NOT NULL,
	"municipality_id" uuid,
	"owner" text,
	"phase" "portfolio_phase" DEFAULT 'ide' NOT NULL,
	"economy_line_id" uuid,
	"benefits" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_proposal_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"step" "portfolio_pipeline_step" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_proposal_decisions" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid,
	"outcome" "portfolio_decision_outcome" NOT NULL,
	"decided_on" date NOT NULL,
	"model" "portfolio_cost_model",
	"fixed_percent" integer,
	"basis_year" integer,
	"total_ore" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_proposal_municipalities" (
	"proposal_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	CONSTRAINT "portfolio_proposal_municipalities_proposal_id_municipality_id_pk" PRIMARY KEY("proposal_id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_proposal_payers" (
	"proposal_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	CONSTRAINT "portfolio_proposal_payers_proposal_id_municipality_id_pk" PRIMARY KEY("proposal_id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"proposed_by" text NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"benefit" text DEFAULT '' NOT NULL,
	"cost_estimate_ore" bigint,
	"stage" "portfolio_proposal_stage" DEFAULT 'forslag' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_week_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"week" text NOT NULL,
	"status" "portfolio_week_status" NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bodies" ADD CONSTRAINT "bodies_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_members" ADD CONSTRAINT "body_members_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_members" ADD CONSTRAINT "body_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_members" ADD CONSTRAINT "body_members_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_members" ADD CONSTRAINT "body_members_deputy_for_person_id_people_id_fk" FOREIGN KEY ("deputy_for_person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trusted_devices" ADD CONSTRAINT "trusted_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archived_documents" ADD CONSTRAINT "archived_documents_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_presenters" ADD CONSTRAINT "case_presenters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_presenters" ADD CONSTRAINT "case_presenters_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_votes" ADD CONSTRAINT "case_votes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_votes" ADD CONSTRAINT "case_votes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_legal_basis_id_legal_bases_id_fk" FOREIGN KEY ("legal_basis_id") REFERENCES "public"."legal_bases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_minutes_approved_by_case_id_cases_id_fk" FOREIGN KEY ("minutes_approved_by_case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_versions" ADD CONSTRAINT "notice_versions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_versions" ADD CONSTRAINT "notice_versions_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_account_mappings" ADD CONSTRAINT "economy_account_mappings_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_account_mappings" ADD CONSTRAINT "economy_account_mappings_line_id_economy_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."economy_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_actuals" ADD CONSTRAINT "economy_actuals_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_actuals" ADD CONSTRAINT "economy_actuals_line_id_economy_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."economy_lines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_actuals" ADD CONSTRAINT "economy_actuals_import_id_economy_ledger_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."economy_ledger_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_allocation_shares" ADD CONSTRAINT "economy_allocation_shares_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_allocation_shares" ADD CONSTRAINT "economy_allocation_shares_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_budget_revisions" ADD CONSTRAINT "economy_budget_revisions_line_id_economy_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."economy_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_budgets" ADD CONSTRAINT "economy_budgets_line_id_economy_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."economy_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_lines" ADD CONSTRAINT "economy_lines_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_lines" ADD CONSTRAINT "economy_lines_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_publications" ADD CONSTRAINT "economy_publications_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_publications" ADD CONSTRAINT "economy_publications_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_publications" ADD CONSTRAINT "economy_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_exit_settlement_lines" ADD CONSTRAINT "economy_exit_settlement_lines_settlement_id_economy_exit_settlements_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."economy_exit_settlements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_exit_settlements" ADD CONSTRAINT "economy_exit_settlements_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_exit_settlements" ADD CONSTRAINT "economy_exit_settlements_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_exit_settlements" ADD CONSTRAINT "economy_exit_settlements_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_exit_settlements" ADD CONSTRAINT "economy_exit_settlements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_explanations" ADD CONSTRAINT "economy_explanations_line_id_economy_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."economy_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_financing_frames" ADD CONSTRAINT "economy_financing_frames_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_forecasts" ADD CONSTRAINT "economy_forecasts_line_id_economy_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."economy_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_forecasts" ADD CONSTRAINT "economy_forecasts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_fund_movements" ADD CONSTRAINT "economy_fund_movements_fund_id_economy_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."economy_funds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_fund_movements" ADD CONSTRAINT "economy_fund_movements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_funds" ADD CONSTRAINT "economy_funds_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_ledger_imports" ADD CONSTRAINT "economy_ledger_imports_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_ledger_imports" ADD CONSTRAINT "economy_ledger_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_attachments" ADD CONSTRAINT "sd_attachments_ticket_id_sd_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."sd_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_attachments" ADD CONSTRAINT "sd_attachments_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_import_mappings" ADD CONSTRAINT "sd_import_mappings_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_phone_stats" ADD CONSTRAINT "sd_phone_stats_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_phone_stats" ADD CONSTRAINT "sd_phone_stats_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_policies" ADD CONSTRAINT "sd_policies_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_policies" ADD CONSTRAINT "sd_policies_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_portal_sharing" ADD CONSTRAINT "sd_portal_sharing_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_surveys" ADD CONSTRAINT "sd_surveys_ticket_id_sd_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."sd_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_surveys" ADD CONSTRAINT "sd_surveys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_team_members" ADD CONSTRAINT "sd_team_members_team_id_sd_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."sd_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_team_members" ADD CONSTRAINT "sd_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_teams" ADD CONSTRAINT "sd_teams_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_ticket_events" ADD CONSTRAINT "sd_ticket_events_ticket_id_sd_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."sd_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_ticket_events" ADD CONSTRAINT "sd_ticket_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_ticket_summaries" ADD CONSTRAINT "sd_ticket_summaries_ticket_id_sd_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."sd_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_tickets" ADD CONSTRAINT "sd_tickets_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_tickets" ADD CONSTRAINT "sd_tickets_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_tickets" ADD CONSTRAINT "sd_tickets_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_tickets" ADD CONSTRAINT "sd_tickets_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_tickets" ADD CONSTRAINT "sd_tickets_team_id_sd_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."sd_teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upload_usage" ADD CONSTRAINT "upload_usage_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_acceptances" ADD CONSTRAINT "report_acceptances_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_acceptances" ADD CONSTRAINT "report_acceptances_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_archives" ADD CONSTRAINT "report_archives_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_blocks" ADD CONSTRAINT "report_blocks_section_id_report_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."report_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_comments" ADD CONSTRAINT "report_comments_section_id_report_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."report_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_comments" ADD CONSTRAINT "report_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_figures" ADD CONSTRAINT "report_figures_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_glossary_terms" ADD CONSTRAINT "report_glossary_terms_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_images" ADD CONSTRAINT "report_images_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_images" ADD CONSTRAINT "report_images_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_section_owners" ADD CONSTRAINT "report_section_owners_section_id_report_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."report_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_section_owners" ADD CONSTRAINT "report_section_owners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_sections" ADD CONSTRAINT "report_sections_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_sections" ADD CONSTRAINT "report_sections_template_section_id_report_template_sections_id_fk" FOREIGN KEY ("template_section_id") REFERENCES "public"."report_template_sections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_sections" ADD CONSTRAINT "report_sections_parent_id_report_sections_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."report_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_sections" ADD CONSTRAINT "report_sections_legal_basis_id_legal_bases_id_fk" FOREIGN KEY ("legal_basis_id") REFERENCES "public"."legal_bases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_template_sections" ADD CONSTRAINT "report_template_sections_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_template_sections" ADD CONSTRAINT "report_template_sections_parent_id_report_template_sections_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."report_template_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_templates" ADD CONSTRAINT "report_templates_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_previous_report_id_reports_id_fk" FOREIGN KEY ("previous_report_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_leader_user_id_users_id_fk" FOREIGN KEY ("leader_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_approvers" ADD CONSTRAINT "eq_approvers_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_approvers" ADD CONSTRAINT "eq_approvers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_approvers" ADD CONSTRAINT "eq_approvers_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_campaigns" ADD CONSTRAINT "eq_campaigns_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_campaigns" ADD CONSTRAINT "eq_campaigns_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_campaigns" ADD CONSTRAINT "eq_campaigns_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_device_imports" ADD CONSTRAINT "eq_device_imports_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_device_imports" ADD CONSTRAINT "eq_device_imports_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_device_sign_ins" ADD CONSTRAINT "eq_device_sign_ins_device_id_eq_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."eq_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_device_sign_ins" ADD CONSTRAINT "eq_device_sign_ins_import_id_eq_device_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."eq_device_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_devices" ADD CONSTRAINT "eq_devices_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_devices" ADD CONSTRAINT "eq_devices_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_import_mappings" ADD CONSTRAINT "eq_import_mappings_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_licence_contracts" ADD CONSTRAINT "eq_licence_contracts_product_id_eq_licence_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."eq_licence_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_licence_contracts" ADD CONSTRAINT "eq_licence_contracts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_licence_contracts" ADD CONSTRAINT "eq_licence_contracts_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_licence_decisions" ADD CONSTRAINT "eq_licence_decisions_product_id_eq_licence_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."eq_licence_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_licence_decisions" ADD CONSTRAINT "eq_licence_decisions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_licence_import_mappings" ADD CONSTRAINT "eq_licence_import_mappings_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_licence_imports" ADD CONSTRAINT "eq_licence_imports_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_licence_imports" ADD CONSTRAINT "eq_licence_imports_product_id_eq_licence_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."eq_licence_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_licence_imports" ADD CONSTRAINT "eq_licence_imports_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_licence_products" ADD CONSTRAINT "eq_licence_products_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_licence_usage" ADD CONSTRAINT "eq_licence_usage_import_id_eq_licence_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."eq_licence_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_licence_usage" ADD CONSTRAINT "eq_licence_usage_product_id_eq_licence_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."eq_licence_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_licence_usage" ADD CONSTRAINT "eq_licence_usage_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_lifecycle_rules" ADD CONSTRAINT "eq_lifecycle_rules_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_lifecycle_rules" ADD CONSTRAINT "eq_lifecycle_rules_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_model_support" ADD CONSTRAINT "eq_model_support_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_order_steps" ADD CONSTRAINT "eq_order_steps_order_id_eq_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."eq_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_order_steps" ADD CONSTRAINT "eq_order_steps_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_orders" ADD CONSTRAINT "eq_orders_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_orders" ADD CONSTRAINT "eq_orders_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_replacement_steps" ADD CONSTRAINT "eq_replacement_steps_replacement_id_eq_replacements_id_fk" FOREIGN KEY ("replacement_id") REFERENCES "public"."eq_replacements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_replacement_steps" ADD CONSTRAINT "eq_replacement_steps_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_replacements" ADD CONSTRAINT "eq_replacements_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_replacements" ADD CONSTRAINT "eq_replacements_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_replacements" ADD CONSTRAINT "eq_replacements_device_id_eq_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."eq_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_replacements" ADD CONSTRAINT "eq_replacements_new_device_id_eq_devices_id_fk" FOREIGN KEY ("new_device_id") REFERENCES "public"."eq_devices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_retirement_steps" ADD CONSTRAINT "eq_retirement_steps_device_id_eq_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."eq_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_retirement_steps" ADD CONSTRAINT "eq_retirement_steps_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_stock_counts" ADD CONSTRAINT "eq_stock_counts_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_stock_counts" ADD CONSTRAINT "eq_stock_counts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eq_stock_counts" ADD CONSTRAINT "eq_stock_counts_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_cost_events" ADD CONSTRAINT "portfolio_cost_events_proposal_id_portfolio_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."portfolio_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_cost_events" ADD CONSTRAINT "portfolio_cost_events_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_populations" ADD CONSTRAINT "portfolio_populations_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_populations" ADD CONSTRAINT "portfolio_populations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_procurement_cases" ADD CONSTRAINT "portfolio_procurement_cases_procurement_id_portfolio_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."portfolio_procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_procurement_cases" ADD CONSTRAINT "portfolio_procurement_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_procurements" ADD CONSTRAINT "portfolio_procurements_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_procurements" ADD CONSTRAINT "portfolio_procurements_project_id_portfolio_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."portfolio_projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_project_kinds" ADD CONSTRAINT "portfolio_project_kinds_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_projects" ADD CONSTRAINT "portfolio_projects_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_projects" ADD CONSTRAINT "portfolio_projects_kind_id_portfolio_project_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."portfolio_project_kinds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_projects" ADD CONSTRAINT "portfolio_projects_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_projects" ADD CONSTRAINT "portfolio_projects_economy_line_id_economy_lines_id_fk" FOREIGN KEY ("economy_line_id") REFERENCES "public"."economy_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_proposal_cases" ADD CONSTRAINT "portfolio_proposal_cases_proposal_id_portfolio_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."portfolio_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_proposal_cases" ADD CONSTRAINT "portfolio_proposal_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_proposal_decisions" ADD CONSTRAINT "portfolio_proposal_decisions_proposal_id_portfolio_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."portfolio_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_proposal_decisions" ADD CONSTRAINT "portfolio_proposal_decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_proposal_municipalities" ADD CONSTRAINT "portfolio_proposal_municipalities_proposal_id_portfolio_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."portfolio_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_proposal_municipalities" ADD CONSTRAINT "portfolio_proposal_municipalities_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_proposal_payers" ADD CONSTRAINT "portfolio_proposal_payers_proposal_id_portfolio_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."portfolio_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_proposal_payers" ADD CONSTRAINT "portfolio_proposal_payers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_proposals" ADD CONSTRAINT "portfolio_proposals_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_week_statuses" ADD CONSTRAINT "portfolio_week_statuses_project_id_portfolio_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."portfolio_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bodies_coop_name_uq" ON "bodies" USING btree ("cooperation_id","name");--> statement-breakpoint
CREATE INDEX "body_members_body_idx" ON "body_members" USING btree ("body_id");--> statement-breakpoint
CREATE UNIQUE INDEX "departments_coop_name_uq" ON "departments" USING btree ("cooperation_id","name");--> statement-breakpoint
CREATE INDEX "memberships_coop_idx" ON "memberships" USING btree ("cooperation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "municipalities_name_uq" ON "municipalities" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "municipalities_number_uq" ON "municipalities" USING btree ("number");--> statement-breakpoint
CREATE INDEX "positions_person_idx" ON "positions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "positions_department_idx" ON "positions" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "trusted_devices_user_idx" ON "trusted_devices" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_uq" ON "users" USING btree ("oidc_subject");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "mail_outbox_created_idx" ON "mail_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "user_messages_recipient_idx" ON "user_messages" USING btree ("recipient_email","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "archived_documents_uq" ON "archived_documents" USING btree ("meeting_id","kind");--> statement-breakpoint
CREATE INDEX "archived_documents_sha256_idx" ON "archived_documents" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "attachments_case_idx" ON "attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "attachments_sha256_idx" ON "attachments" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_uq" ON "attendance" USING btree ("meeting_id","person_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "case_presenters_uq" ON "case_presenters" USING btree ("case_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_votes_uq" ON "case_votes" USING btree ("case_id","person_id");--> statement-breakpoint
CREATE INDEX "cases_meeting_idx" ON "cases" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "cases_body_year_idx" ON "cases" USING btree ("body_id","year");--> statement-breakpoint
CREATE INDEX "cases_search_idx" ON "cases" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "cases_public_search_idx" ON "cases" USING gin ("public_search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_bases_code_uq" ON "legal_bases" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_body_year_number_uq" ON "meetings" USING btree ("body_id","year","number");--> statement-breakpoint
CREATE INDEX "meetings_date_idx" ON "meetings" USING btree ("date");--> statement-breakpoint
CREATE UNIQUE INDEX "notice_versions_uq" ON "notice_versions" USING btree ("meeting_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "economy_account_mappings_account_uq" ON "economy_account_mappings" USING btree ("cooperation_id","account") WHERE "economy_account_mappings"."account" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "economy_account_mappings_project_uq" ON "economy_account_mappings" USING btree ("cooperation_id","project") WHERE "economy_account_mappings"."project" is not null;--> statement-breakpoint
CREATE INDEX "economy_actuals_coop_year_idx" ON "economy_actuals" USING btree ("cooperation_id","year","period");--> statement-breakpoint
CREATE INDEX "economy_actuals_line_idx" ON "economy_actuals" USING btree ("line_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "economy_allocation_shares_uq" ON "economy_allocation_shares" USING btree ("cooperation_id","year","municipality_id");--> statement-breakpoint
CREATE INDEX "economy_budget_revisions_line_idx" ON "economy_budget_revisions" USING btree ("line_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "economy_budgets_line_year_uq" ON "economy_budgets" USING btree ("line_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "economy_lines_coop_kind_name_uq" ON "economy_lines" USING btree ("cooperation_id","kind","name");--> statement-breakpoint
CREATE UNIQUE INDEX "economy_publications_meeting_uq" ON "economy_publications" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "economy_exit_settlement_lines_settlement_idx" ON "economy_exit_settlement_lines" USING btree ("settlement_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "economy_exit_settlements_leaving_uq" ON "economy_exit_settlements" USING btree ("cooperation_id","municipality_id","leaving_date");--> statement-breakpoint
CREATE INDEX "economy_explanations_line_idx" ON "economy_explanations" USING btree ("line_id","year","date");--> statement-breakpoint
CREATE UNIQUE INDEX "economy_financing_frames_uq" ON "economy_financing_frames" USING btree ("cooperation_id","year");--> statement-breakpoint
CREATE INDEX "economy_forecasts_line_idx" ON "economy_forecasts" USING btree ("line_id","year","date");--> statement-breakpoint
CREATE INDEX "economy_fund_movements_fund_date_idx" ON "economy_fund_movements" USING btree ("fund_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "economy_funds_coop_name_uq" ON "economy_funds" USING btree ("cooperation_id","name");--> statement-breakpoint
CREATE INDEX "economy_ledger_imports_coop_idx" ON "economy_ledger_imports" USING btree ("cooperation_id","year");--> statement-breakpoint
CREATE INDEX "sd_attachments_ticket_idx" ON "sd_attachments" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "sd_attachments_sha256_idx" ON "sd_attachments" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "sd_import_mappings_coop_source_uq" ON "sd_import_mappings" USING btree ("cooperation_id","source");--> statement-breakpoint
CREATE UNIQUE INDEX "sd_phone_stats_municipality_day_uq" ON "sd_phone_stats" USING btree ("cooperation_id","day","municipality_id") WHERE municipality_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "sd_phone_stats_queue_day_uq" ON "sd_phone_stats" USING btree ("cooperation_id","day") WHERE municipality_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "sd_policies_coop_default_uq" ON "sd_policies" USING btree ("cooperation_id") WHERE "sd_policies"."municipality_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "sd_policies_coop_muni_uq" ON "sd_policies" USING btree ("cooperation_id","municipality_id");--> statement-breakpoint
CREATE INDEX "sd_team_members_user_idx" ON "sd_team_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sd_teams_coop_name_uq" ON "sd_teams" USING btree ("cooperation_id","name");--> statement-breakpoint
CREATE INDEX "sd_ticket_events_ticket_idx" ON "sd_ticket_events" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "sd_ticket_events_kind_idx" ON "sd_ticket_events" USING btree ("kind","at");--> statement-breakpoint
CREATE INDEX "sd_ticket_events_public_change_idx" ON "sd_ticket_events" USING btree ("ticket_id","at") WHERE internal = false and kind in ('created', 'reply', 'status', 'priority', 'field', 'attachment', 'survey');--> statement-breakpoint
CREATE INDEX "sd_ticket_summaries_done_idx" ON "sd_ticket_summaries" USING btree ("cooperation_id","done_month","priority","resolution_elapsed_ms","resolution_met","municipality_id");--> statement-breakpoint
CREATE INDEX "sd_ticket_summaries_solved_idx" ON "sd_ticket_summaries" USING btree ("cooperation_id","solved_month","municipality_id") WHERE solved_month is not null;--> statement-breakpoint
CREATE INDEX "sd_ticket_summaries_closed_idx" ON "sd_ticket_summaries" USING btree ("cooperation_id","closed_month","municipality_id") WHERE closed_month is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "sd_tickets_number_uq" ON "sd_tickets" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "sd_tickets_external_uq" ON "sd_tickets" USING btree ("cooperation_id","external_id");--> statement-breakpoint
CREATE INDEX "sd_tickets_created_idx" ON "sd_tickets" USING btree ("created_at","number");--> statement-breakpoint
CREATE INDEX "sd_tickets_due_idx" ON "sd_tickets" USING btree ("sla_resolution_due_at","number");--> statement-breakpoint
CREATE INDEX "sd_tickets_requester_idx" ON "sd_tickets" USING btree ("requester_user_id","created_at");--> statement-breakpoint
CREATE INDEX "sd_tickets_municipality_idx" ON "sd_tickets" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "sd_tickets_assignee_idx" ON "sd_tickets" USING btree ("assignee_user_id","status");--> statement-breakpoint
CREATE INDEX "sd_tickets_status_idx" ON "sd_tickets" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "sd_tickets_warn_idx" ON "sd_tickets" USING btree ("sla_warn_at");--> statement-breakpoint
CREATE INDEX "sd_tickets_open_created_idx" ON "sd_tickets" USING btree ("created_at","number") WHERE status not in ('lost', 'lukket');--> statement-breakpoint
CREATE INDEX "sd_tickets_open_due_idx" ON "sd_tickets" USING btree ("sla_resolution_due_at","number") WHERE status not in ('lost', 'lukket');--> statement-breakpoint
CREATE INDEX "sd_tickets_unassigned_open_created_idx" ON "sd_tickets" USING btree ("created_at","number") WHERE assignee_user_id is null and status not in ('lost', 'lukket');--> statement-breakpoint
CREATE INDEX "sd_tickets_critical_created_idx" ON "sd_tickets" USING btree ("created_at","number") WHERE priority in ('kritisk', 'hoy');--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_acceptances_report_municipality_uq" ON "report_acceptances" USING btree ("report_id","municipality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_archives_report_kind_uq" ON "report_archives" USING btree ("report_id","kind");--> statement-breakpoint
CREATE INDEX "report_archives_sha256_idx" ON "report_archives" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "report_blocks_section_idx" ON "report_blocks" USING btree ("section_id");--> statement-breakpoint
CREATE INDEX "report_comments_section_idx" ON "report_comments" USING btree ("section_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_figures_uq" ON "report_figures" USING btree ("cooperation_id","year","metric","dimension");--> statement-breakpoint
CREATE UNIQUE INDEX "report_glossary_terms_coop_term_uq" ON "report_glossary_terms" USING btree ("cooperation_id","term");--> statement-breakpoint
CREATE INDEX "report_images_report_idx" ON "report_images" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_images_sha256_idx" ON "report_images" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "report_section_owners_uq" ON "report_section_owners" USING btree ("section_id","user_id");--> statement-breakpoint
CREATE INDEX "report_section_owners_user_idx" ON "report_section_owners" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "report_sections_report_idx" ON "report_sections" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_template_sections_template_idx" ON "report_template_sections" USING btree ("template_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_templates_coop_kind_uq" ON "report_templates" USING btree ("cooperation_id","kind");--> statement-breakpoint
CREATE INDEX "reports_coop_kind_idx" ON "reports" USING btree ("cooperation_id","kind","as_of");--> statement-breakpoint
CREATE UNIQUE INDEX "eq_campaigns_municipality_uq" ON "eq_campaigns" USING btree ("cooperation_id","municipality_id");--> statement-breakpoint
CREATE INDEX "eq_device_imports_coop_month_idx" ON "eq_device_imports" USING btree ("cooperation_id","month");--> statement-breakpoint
CREATE INDEX "eq_device_sign_ins_device_idx" ON "eq_device_sign_ins" USING btree ("device_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eq_devices_coop_serial_uq" ON "eq_devices" USING btree ("cooperation_id","serial");--> statement-breakpoint
CREATE INDEX "eq_devices_municipality_idx" ON "eq_devices" USING btree ("municipality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eq_import_mappings_coop_source_uq" ON "eq_import_mappings" USING btree ("cooperation_id","source");--> statement-breakpoint
CREATE UNIQUE INDEX "eq_licence_decisions_uq" ON "eq_licence_decisions" USING btree ("product_id","user_key");--> statement-breakpoint
CREATE UNIQUE INDEX "eq_licence_import_mappings_coop_source_uq" ON "eq_licence_import_mappings" USING btree ("cooperation_id","source");--> statement-breakpoint
CREATE UNIQUE INDEX "eq_licence_imports_product_month_uq" ON "eq_licence_imports" USING btree ("product_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "eq_licence_products_coop_name_uq" ON "eq_licence_products" USING btree ("cooperation_id","name");--> statement-breakpoint
CREATE INDEX "eq_licence_usage_user_idx" ON "eq_licence_usage" USING btree ("product_id","user_key","month");--> statement-breakpoint
CREATE UNIQUE INDEX "eq_lifecycle_rules_uq" ON "eq_lifecycle_rules" USING btree ("cooperation_id","municipality_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "eq_model_support_uq" ON "eq_model_support" USING btree ("cooperation_id","model");--> statement-breakpoint
CREATE UNIQUE INDEX "eq_order_steps_order_state_uq" ON "eq_order_steps" USING btree ("order_id","state");--> statement-breakpoint
CREATE INDEX "eq_orders_coop_idx" ON "eq_orders" USING btree ("cooperation_id","municipality_id");--> statement-breakpoint
CREATE INDEX "eq_replacement_steps_idx" ON "eq_replacement_steps" USING btree ("replacement_id");--> statement-breakpoint
CREATE INDEX "eq_replacements_coop_idx" ON "eq_replacements" USING btree ("cooperation_id","municipality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eq_replacements_token_uq" ON "eq_replacements" USING btree ("decision_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "eq_retirement_steps_uq" ON "eq_retirement_steps" USING btree ("device_id","step");--> statement-breakpoint
CREATE INDEX "eq_stock_counts_lookup_idx" ON "eq_stock_counts" USING btree ("cooperation_id","municipality_id","category","counted_on");--> statement-breakpoint
CREATE INDEX "portfolio_cost_events_proposal_idx" ON "portfolio_cost_events" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "portfolio_procurement_cases_case_idx" ON "portfolio_procurement_cases" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "portfolio_procurements_coop_idx" ON "portfolio_procurements" USING btree ("cooperation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "portfolio_project_kinds_coop_name_uq" ON "portfolio_project_kinds" USING btree ("cooperation_id","name");--> statement-breakpoint
CREATE INDEX "portfolio_projects_coop_idx" ON "portfolio_projects" USING btree ("cooperation_id","kind_id");--> statement-breakpoint
CREATE UNIQUE INDEX "portfolio_proposal_cases_case_uq" ON "portfolio_proposal_cases" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "portfolio_proposal_cases_proposal_idx" ON "portfolio_proposal_cases" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "portfolio_proposals_coop_idx" ON "portfolio_proposals" USING btree ("cooperation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "portfolio_week_statuses_project_week_uq" ON "portfolio_week_statuses" USING btree ("project_id","week");