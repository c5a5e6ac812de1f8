// Example tenant: Contoso, Brussels office. Copy this file per client company.
// Secrets come from environment variables at deploy time and are never checked in:
//   SMTP_PASSWORD=... HELPDESK_API_KEY=... az deployment group create -g rg-helpdesk-contoso -f infra/main.bicep -p infra/tenants/contoso.bicepparam
using '../main.bicep'

param tenantName = 'contoso'
param location = 'westeurope'
param supportAddress = 'support@contoso.be'
param timeZone = 'Europe/Brussels'
param smtpHost = 'smtp.office365.com'
param smtpPort = 587
param smtpUserName = 'support@contoso.be'
param smtpPassword = readEnvironmentVariable('SMTP_PASSWORD', '')
param technicianApiKey = readEnvironmentVariable('HELPDESK_API_KEY', '')
param enableCommunicationServices = false
param tags = {
  environment: 'production'
}
