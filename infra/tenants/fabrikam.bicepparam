// Example tenant: Fabrikam, Dublin office, English only, Irish holidays, mail through Azure Communication Services
// with the app's managed identity: no secret at all for this tenant.
//   az deployment group create -g rg-helpdesk-fabrikam -f infra/main.bicep -p infra/tenants/fabrikam.bicepparam
//   or, with azd: azd env new fabrikam && azd up
using '../main.bicep'

param tenantName = 'fabrikam'
param location = 'northeurope'
param supportAddress = 'helpdesk@fabrikam.ie'
param supportName = 'Fabrikam Helpdesk'
param l1GroupAddress = 'servicedesk@fabrikam.ie'
param l2GroupAddress = 'infrastructure@fabrikam.ie'
param l3GroupAddress = 'it-architects@fabrikam.ie'
param managersAddress = 'it-director@fabrikam.ie'
param technicianLanguage = 'en'

// Calendar: Dublin, 09:00-17:30 on weekdays and Saturday mornings (the shop floor works then).
param timeZone = 'Europe/Dublin'
param businessHours = {
  monday: '09:00-17:30'
  tuesday: '09:00-17:30'
  wednesday: '09:00-17:30'
  thursday: '09:00-17:30'
  friday: '09:00-17:30'
  saturday: '09:00-13:00'
  sunday: 'closed'
}
// No Irish rule set in the app: the public holidays are listed, with the days the company closes at Christmas.
param publicHolidays = 'none'
param extraClosedDays = [
  '2027-01-01' // New Year's Day
  '2027-02-01' // St Brigid's Day
  '2027-03-17' // St Patrick's Day
  '2027-03-29' // Easter Monday
  '2027-05-03' // May bank holiday
  '2027-06-07' // June bank holiday
  '2027-08-02' // August bank holiday
  '2027-10-25' // October bank holiday
  '2027-12-27' // Christmas Day falls on a Saturday: the company closes Monday
  '2027-12-28' // St Stephen's Day falls on a Sunday: the company closes Tuesday
]

// A manufacturing client: faster targets, P1 and P2 counted around the clock (the line runs two shifts).
param slaTargets = {
  P1: { firstResponse: '00:15:00', resolution: '02:00:00', twentyFourSeven: true }
  P2: { firstResponse: '01:00:00', resolution: '06:00:00', twentyFourSeven: true }
  P3: { firstResponse: '04:00:00', resolution: '16:00:00', twentyFourSeven: false }
  P4: { firstResponse: '1.00:00:00', resolution: '3.00:00:00', twentyFourSeven: false }
}
param slaLevelShares = { L1: '0.4', L2: '0.4', L3: '0.2' }
param slaWarningThreshold = '0.8'
param slaProviders = {
  'erp-vendor': { response: '08:00:00', twentyFourSeven: false }
  'internet-provider': { response: '02:00:00', twentyFourSeven: true }
}

// Mail: Azure Communication Services Email, sending with the app's managed identity (no connection string, no secret).
param enableCommunicationServices = true
param communicationAuthentication = 'ManagedIdentity'
param communicationDataLocation = 'Europe'
// The client's own domain (docs/deploy.md, Custom mail domain): first deploy with the domain, publish the DNS records
// of output mailDomainDnsRecords, verify them, then link it. Until then mail goes out from the Azure-managed domain.
param customMailDomain = 'helpdesk.fabrikam.ie'
param linkCustomMailDomain = false
// Unused while ACS sends, but required by the template: the relay to fall back to (set enableCommunicationServices = false).
param smtpHost = 'smtp.azurecomm.net'
param tags = {
  environment: 'production'
  'cost-center': 'fabrikam-it'
}

// The instance's signing key (reply addresses, Message-IDs, status links): SIGNING_KEY=$(openssl rand -base64 32) on the
// first deployment only; empty later, so the secret in Key Vault (and every link already mailed) stays as it is.
param signingKey = readEnvironmentVariable('SIGNING_KEY', '')
