-- PostgreSQL only: the audit trail is append-only. Nobody, not even the application's own
-- database user, may change or delete an entry or a seal.
create or replace function pf_audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % on % is refused', tg_op, tg_table_name;
end;
$$;

create trigger pf_audit_entry_append_only before update or delete on pf_audit_entry
    for each row execute function pf_audit_refuse_change();
create trigger pf_audit_entry_no_truncate before truncate on pf_audit_entry
    for each statement execute function pf_audit_refuse_change();
create trigger pf_audit_seal_append_only before update or delete on pf_audit_seal
    for each row execute function pf_audit_refuse_change();
create trigger pf_audit_seal_no_truncate before truncate on pf_audit_seal
    for each statement execute function pf_audit_refuse_change();
