#!/usr/bin/env bash
# Updates every tenant after a release: loops over the azd environments (one per tenant, see docs/deploy.md).
#   scripts/deploy-all.sh              azd provision + azd deploy for each tenant
#   scripts/deploy-all.sh --preview    azd provision --preview (what-if) for each tenant; changes nothing
#   scripts/deploy-all.sh --code-only  azd deploy only (a release without template changes)
#   scripts/deploy-all.sh [options] contoso fabrikam   only these tenants
# Runs without prompts: each tenant's resource group must exist. Goes on after a failure; exit code 1 if any failed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode=full
tenants=()
for arg in "$@"; do
  case "$arg" in
    --preview) mode=preview ;;
    --code-only) mode=code ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    -*) echo "ERROR: unknown option $arg" >&2; exit 2 ;;
    *) tenants+=("$arg") ;;
  esac
done

command -v azd >/dev/null 2>&1 || { echo "ERROR: azd (Azure Developer CLI) is not installed." >&2; exit 2; }

if [ ${#tenants[@]} -eq 0 ]; then
  # azd env list --output json: [{"Name": "...", "IsDefault": ..., "DotEnvPath": "..."}, ...]
  mapfile -t tenants < <(azd env list --output json | grep -o '"Name": *"[^"]*"' | sed 's/.*: *"\(.*\)"/\1/')
fi
[ ${#tenants[@]} -gt 0 ] || { echo "ERROR: no azd environments (azd env new <tenant>)." >&2; exit 2; }

failed=()
for tenant in "${tenants[@]}"; do
  echo "==> $tenant ($mode)"
  ok=true
  case "$mode" in
    preview) azd provision --preview --environment "$tenant" --no-prompt || ok=false ;;
    code) azd deploy --environment "$tenant" --no-prompt || ok=false ;;
    full)
      # The preprovision hook picks infra/tenants/$tenant.bicepparam; infra first, then the code that may need it.
      if azd provision --environment "$tenant" --no-prompt; then
        azd deploy --environment "$tenant" --no-prompt || ok=false
      else
        ok=false
      fi ;;
  esac
  $ok || failed+=("$tenant")
done

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]} (of ${#tenants[@]} tenants)"
  exit 1
fi
echo "OK: ${#tenants[@]} tenants (${tenants[*]})"
