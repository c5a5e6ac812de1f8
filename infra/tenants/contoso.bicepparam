// Example tenant: Contoso, Brussels office. Copy this file per client company.
// Secrets come from environment variables at deploy time and are never checked in:
//   SMTP_PASSWORD=... az deployment group create -g rg-helpdesk-contoso -f infra/main.bicep -p infra/tenants/contoso.bicepparam
using '../main.bicep'

param tenantName = 'contoso'
param location = 'westeurope'
param supportAddress = 'support@contoso.be'
param supportName = 'Contoso IT Support'
param l1GroupAddress = 'it-l1@contoso.be'
param l2GroupAddress = 'it-l2@contoso.be'
param l3GroupAddress = 'it-l3@contoso.be'
param managersAddress = 'it-managers@contoso.be'
param timeZone = 'Europe/Brussels'
param smtpHost = 'smtp.office365.com'
param smtpPort = 587
param smtpUserName = 'support@contoso.be'
param smtpPassword = readEnvironmentVariable('SMTP_PASSWORD', '')
param enableCommunicationServices = false
param tags = {
  environment: 'production'
}
