// Example tenant: Contoso, Brussels office, French and English, Belgian holidays, mail through its Office 365 relay.
// Copy this file per client company (docs/deploy.md). Secrets come from environment variables at deploy time and are
// never checked in:
//   SMTP_PASSWORD=... az deployment group create -g rg-helpdesk-contoso -f infra/main.bicep -p infra/tenants/contoso.bicepparam
//   or, with azd: azd env new contoso && azd env set SMTP_PASSWORD ... && azd up
using '../main.bicep'

param tenantName = 'contoso'
param location = 'westeurope'
param supportAddress = 'support@contoso.be'
param supportName = 'Contoso IT Support'
param l1GroupAddress = 'it-l1@contoso.be'
param l2GroupAddress = 'it-l2@contoso.be'
param l3GroupAddress = 'it-l3@contoso.be'
param managersAddress = 'it-managers@contoso.be'
param technicianLanguage = 'both'

// Calendar: Brussels, 08:30-17:30 on weekdays, Belgian public holidays plus the company's bridge days.
param timeZone = 'Europe/Brussels'
param businessHours = {
  monday: '08:30-17:30'
  tuesday: '08:30-17:30'
  wednesday: '08:30-17:30'
  thursday: '08:30-17:30'
  friday: '08:30-17:30'
  saturday: 'closed'
  sunday: 'closed'
}
param publicHolidays = 'BE'
param extraClosedDays = [
  '2027-05-07' // bridge day after Ascension
  '2027-12-24'
  '2027-12-31'
]

// The product's default targets (docs/sla.md): P1 counted 24/7.
param slaTargets = {
  P1: { firstResponse: '00:30:00', resolution: '04:00:00', twentyFourSeven: true }
  P2: { firstResponse: '02:00:00', resolution: '08:00:00', twentyFourSeven: false }
  P3: { firstResponse: '04:00:00', resolution: '1.03:00:00', twentyFourSeven: false }
  P4: { firstResponse: '08:00:00', resolution: '1.21:00:00', twentyFourSeven: false }
}
param slaLevelShares = { L1: '0.5', L2: '0.3', L3: '0.2' }
param slaWarningThreshold = '0.75'
param slaProviders = {
  'internet-provider': { response: '04:00:00', twentyFourSeven: false }
  telephony: { response: '08:00:00', twentyFourSeven: false }
}

// Mail: the company's own Office 365 mailbox as SMTP relay (password in Key Vault, from SMTP_PASSWORD).
param smtpHost = 'smtp.office365.com'
param smtpPort = 587
param smtpUserName = 'support@contoso.be'
param smtpPassword = readEnvironmentVariable('SMTP_PASSWORD', '')

// The instance's signing key (reply addresses, Message-IDs, status links): SIGNING_KEY=$(openssl rand -base64 32) on the
// first deployment only; empty later, so the secret in Key Vault (and every link already mailed) stays as it is.
param signingKey = readEnvironmentVariable('SIGNING_KEY', '')
param enableCommunicationServices = false
param tags = {
  environment: 'production'
}
