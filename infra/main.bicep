metadata description = 'One helpdesk instance for one client company (tenant): Flex Consumption function app, storage (identity-only), Key Vault, monitoring and optional ACS Email. Deploy once per tenant into its own resource group.'

targetScope = 'resourceGroup'

@description('Required. Short tenant (client company) name: 2-16 lowercase letters, digits or hyphens. Part of every resource name.')
@minLength(2)
@maxLength(16)
param tenantName string

@description('Optional. Azure region of the resources.')
param location string = resourceGroup().location

@description('Required. Support mailbox address that requesters write to and that signs outbound mail.')
param supportAddress string

@description('Optional. Sender name of outbound mail and the signature of mails to requesters.')
param supportName string = 'IT Support'

@description('Required. Group mailbox of support level 1 (first line): receives its SLA warnings and new tickets\' escalations.')
param l1GroupAddress string

@description('Required. Group mailbox of support level 2: receives the SLA notifications of tickets escalated to L2.')
param l2GroupAddress string

@description('Required. Group mailbox of support level 3: receives the SLA notifications of tickets escalated to L3.')
param l3GroupAddress string

@description('Required. Managers\' mailbox: also receives every SLA breach notification.')
param managersAddress string

@description('Optional. IANA time zone of the SLA business calendar.')
param timeZone string = 'Europe/Brussels'

// SLA policy and business calendar: every Helpdesk:Sla setting the app reads has a parameter here (a test checks it).
// Defaults are the app's own defaults (docs/sla.md). Durations are .NET TimeSpan strings: 'hh:mm:ss' or 'd.hh:mm:ss'.

@description('Targets of one priority.')
type slaPriorityTarget = {
  @description('Required. Time to the first response, e.g. \'02:00:00\'.')
  firstResponse: string

  @description('Required. Time to resolution, e.g. \'1.03:00:00\' (27 hours).')
  resolution: string

  @description('Required. true: the clock runs 24/7; false: only in the business hours of the calendar.')
  twentyFourSeven: bool
}

@description('Targets per priority (P1 highest).')
type slaTargetsType = {
  P1: slaPriorityTarget
  P2: slaPriorityTarget
  P3: slaPriorityTarget
  P4: slaPriorityTarget
}

@description('Share of the resolution target each support level may use before the ticket escalates, as decimal strings adding up to 1.')
type slaLevelSharesType = {
  L1: string
  L2: string
  L3: string
}

@description('Opening hours per day in the calendar\'s time zone: \'HH:mm-HH:mm\' (end may be 24:00) or \'closed\'.')
type businessHoursType = {
  monday: string
  tuesday: string
  wednesday: string
  thursday: string
  friday: string
  saturday: string
  sunday: string
}

@description('Contract with an external provider (internet, telephony, business software vendor).')
type providerContractType = {
  @description('Required. Contracted time for the provider to answer while a ticket waits on it, e.g. \'04:00:00\'.')
  response: string

  @description('Required. true: counted 24/7; false: in business hours.')
  twentyFourSeven: bool
}

@description('Optional. SLA targets per priority.')
param slaTargets slaTargetsType = {
  P1: { firstResponse: '00:30:00', resolution: '04:00:00', twentyFourSeven: true }
  P2: { firstResponse: '02:00:00', resolution: '08:00:00', twentyFourSeven: false }
  P3: { firstResponse: '04:00:00', resolution: '1.03:00:00', twentyFourSeven: false }
  P4: { firstResponse: '08:00:00', resolution: '1.21:00:00', twentyFourSeven: false }
}

@description('Optional. Share of the resolution target per support level.')
param slaLevelShares slaLevelSharesType = { L1: '0.5', L2: '0.3', L3: '0.2' }

@description('Optional. Fraction of a target after which a warning is sent, as a decimal string.')
param slaWarningThreshold string = '0.75'

@description('Optional. Contracts with external providers, by name (letters, digits, hyphens): the name technicians pick when a ticket waits on a provider.')
param slaProviders { *: providerContractType } = {}

@description('Optional. Business hours of the SLA calendar.')
param businessHours businessHoursType = {
  monday: '08:30-17:30'
  tuesday: '08:30-17:30'
  wednesday: '08:30-17:30'
  thursday: '08:30-17:30'
  friday: '08:30-17:30'
  saturday: 'closed'
  sunday: 'closed'
}

@description('Optional. Public holiday rule set of the calendar: BE (Belgium) or none (list the days in extraClosedDays).')
@allowed([
  'BE'
  'none'
])
param publicHolidays string = 'BE'

@description('Optional. Other days the business is closed (yyyy-MM-dd): bridge days, the company\'s own holidays, another country\'s public holidays.')
param extraClosedDays string[] = []

@description('Optional. Language of the SLA mails to technicians: fr, en or both (French then English).')
@allowed([
  'fr'
  'en'
  'both'
])
param technicianLanguage string = 'both'
@description('Optional. The client company\'s IT contact: receives the maintenance digest and is the requester of maintenance tickets. Empty: the support address.')
param itContactAddress string = ''

@description('Optional. Language of the maintenance digest and tickets.')
@allowed([
  'fr'
  'en'
])
param maintenanceLanguage string = 'fr'

@description('Optional. Key that backup and update tools send to the heartbeat routes (at least 32 characters), stored in Key Vault as secret "heartbeat-key". Empty: leave the secret as it is; while it does not exist, heartbeats are refused.')
@secure()
param heartbeatKey string = ''
@description('Optional. Phone number requesters call when a matter cannot wait (shown on the confirmation and status pages). Empty: not shown.')
@maxLength(40)
param emergencyPhone string = ''

@description('Optional. Public base URL of the app, used in links sent to requesters. Empty: the function app default host name.')
param publicBaseUrl string = ''

@description('Required. SMTP relay host for outbound mail (for example smtp.office365.com or smtp.azurecomm.net).')
param smtpHost string

@description('Optional. SMTP relay port (587 = STARTTLS).')
@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('Optional. SMTP user name. Empty: no authentication.')
param smtpUserName string = ''

@description('Optional. SMTP password, stored in Key Vault as secret "smtp-password". Empty: leave the secret as it is (set it with az keyvault secret set).')
@secure()
param smtpPassword string = ''

@description('Optional. The signing key of the instance (base64 of 32 random bytes: openssl rand -base64 32), stored in Key Vault as secret "signing-key": signs reply addresses, Message-IDs and status links. Empty: leave the secret as it is (set it once with az keyvault secret set; the app does not start without it).')
@secure()
param signingKey string = ''

@description('Optional. Keep the Durable task hub (the SLA engine) on its own storage account, as the Durable Functions performance guidance recommends, so that its queue polls and history writes never queue in front of the ticket store. False: one account for everything (a small tenant may prefer it).')
param separateTaskHubStorage bool = true
@description('Optional. Mailgun webhook signing key for inbound mail on /api/inbound/email/mailgun, stored in Key Vault as secret "mailgun-signing-key". Empty: no Mailgun route (it answers 401 to every delivery).')
@secure()
param mailgunSigningKey string = ''

@description('Optional. Create Azure Communication Services Email (Azure-managed domain) and send through its REST API instead of SMTP.')
param enableCommunicationServices bool = false

@description('Optional. How the app authenticates to ACS: ManagedIdentity (Entra ID token of the app identity, no secret) or AccessKey (connection string kept in Key Vault).')
@allowed([
  'ManagedIdentity'
  'AccessKey'
])
param communicationAuthentication string = 'ManagedIdentity'

@description('Optional. The client\'s own mail domain for ACS (e.g. helpdesk.fabrikam.ie). Deploy once, publish the DNS records of output mailDomainDnsRecords, verify them, then set linkCustomMailDomain = true.')
param customMailDomain string = ''

@description('Optional. Send from DoNotReply@<customMailDomain> (only once the domain is verified; ACS refuses an unverified domain).')
param linkCustomMailDomain bool = false

@description('Optional. Data location of Azure Communication Services.')
param communicationDataLocation string = 'Europe'

@description('Optional. .NET isolated runtime version of the function app.')
param dotnetVersion string = '10.0'

@description('Optional. Maximum number of Flex Consumption instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Optional. Memory per Flex Consumption instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Directory (tenant) id of the client company\'s Entra ID, for technicians\' sign-in to the console (Easy Auth). Empty: no console sign-in on Azure.')
param entraTenantId string = ''

@description('Optional. Application (client) id of the helpdesk\'s Entra app registration. Empty: no console sign-in on Azure.')
param entraClientId string = ''

@description('Optional. Address added as the first admin of the technicians\' roster when it is empty (signs in through Entra ID).')
param firstAdminEmail string = ''

@description('Optional. Tags added to every resource.')
param tags object = {}

var allTags = union(tags, { 'helpdesk-tenant': tenantName })
var resourceToken = uniqueString(subscription().id, resourceGroup().id, tenantName)
var compactName = take(replace(toLower(tenantName), '-', ''), 9)
var functionAppName = 'func-helpdesk-${tenantName}-${take(resourceToken, 6)}'
var keyVaultName = 'kv${compactName}${resourceToken}'
var deploymentContainerName = 'deployment-package'
var storageSuffix = environment().suffixes.storage
// Settings whose names depend on parameter values (list indexes, provider names): passed beside the literal ones.
var slaListSettings = union(
  toObject(range(0, length(extraClosedDays)), i => 'Helpdesk__Sla__Calendar__ExtraClosedDays__${i}', i => extraClosedDays[i]),
  reduce(
    items(slaProviders),
    {},
    (all, provider) =>
      union(all, {
        'Helpdesk__Sla__Providers__${provider.key}__Response': provider.value.response
        'Helpdesk__Sla__Providers__${provider.key}__TwentyFourSeven': string(provider.value.twentyFourSeven)
      })
  )
)
var secretNames = {
  smtpPassword: 'smtp-password'
  signingKey: 'signing-key'
  mailgunSigningKey: 'mailgun-signing-key'
  acsConnectionString: 'acs-connection-string'
  heartbeatKey: 'heartbeat-key'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-helpdesk-${tenantName}'
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-helpdesk-${tenantName}'
    appInsightsName: 'appi-helpdesk-${tenantName}'
    location: location
    tags: allTags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${compactName}${resourceToken}'
    location: location
    tags: allTags
    deploymentContainerName: deploymentContainerName
    appPrincipalId: identity.outputs.principalId
  }
}

module taskHubStorage 'modules/storage.bicep' = if (separateTaskHubStorage) {
  name: 'taskhubstorage'
  params: {
    name: 'sd${compactName}${resourceToken}'
    location: location
    tags: allTags
    appPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: keyVaultName
    location: location
    tags: allTags
    appPrincipalId: identity.outputs.principalId
    secrets: {
      '${secretNames.smtpPassword}': smtpPassword
      '${secretNames.signingKey}': signingKey
      '${secretNames.heartbeatKey}': heartbeatKey
      '${secretNames.mailgunSigningKey}': mailgunSigningKey
    }
  }
}

module communication 'modules/communication.bicep' = if (enableCommunicationServices) {
  name: 'communication'
  dependsOn: [
    keyVault
  ]
  params: {
    name: 'acs-helpdesk-${tenantName}-${take(resourceToken, 6)}'
    dataLocation: communicationDataLocation
    tags: allTags
    // The name, known before deployment, not the module output: the vault must exist first, hence dependsOn.
    keyVaultName: keyVaultName
    connectionStringSecretName: secretNames.acsConnectionString
    storeConnectionString: communicationAuthentication == 'AccessKey'
    appPrincipalId: identity.outputs.principalId
    customDomain: customMailDomain
    linkCustomDomain: linkCustomMailDomain
  }
}

var blobServiceUri = 'https://${storage.outputs.name}.blob.${storageSuffix}'
var queueServiceUri = 'https://${storage.outputs.name}.queue.${storageSuffix}'
var tableServiceUri = 'https://${storage.outputs.name}.table.${storageSuffix}'
var taskHubAccountName = separateTaskHubStorage ? taskHubStorage!.outputs.name : storage.outputs.name

func keyVaultReference(vaultName string, secretName string) string =>
  '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretName})'

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: functionAppName
    planName: 'plan-helpdesk-${tenantName}'
    location: location
    tags: allTags
    // azd deploy finds the app of service 'helpdesk' (azure.yaml) by this tag.
    siteTags: { 'azd-service-name': 'helpdesk' }
    identityId: identity.outputs.id
    deploymentContainerUrl: '${blobServiceUri}/${storage.outputs.deploymentContainerName}'
    runtimeVersion: dotnetVersion
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    // Every name the app reads; infra/app-settings.required.txt lists them and a test checks this object against it.
    // Every Helpdesk__* name must also be a property path of an options class of Helpdesk.Core (tested): no typos,
    // nothing the Functions app ignores (technicians authenticate with function keys, so no Helpdesk__ApiKey here).
    appSettings: {
      // Functions host storage (triggers, Durable Task hub) through the managed identity.
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.outputs.clientId
      AzureWebJobsStorage__blobServiceUri: blobServiceUri
      AzureWebJobsStorage__queueServiceUri: queueServiceUri
      AzureWebJobsStorage__tableServiceUri: tableServiceUri
      // The Durable task hub's connection (host.json storageProvider.connectionName), its own account by default.
      DurableStorage__credential: 'managedidentity'
      DurableStorage__clientId: identity.outputs.clientId
      DurableStorage__blobServiceUri: 'https://${taskHubAccountName}.blob.${storageSuffix}'
      DurableStorage__queueServiceUri: 'https://${taskHubAccountName}.queue.${storageSuffix}'
      DurableStorage__tableServiceUri: 'https://${taskHubAccountName}.table.${storageSuffix}'
      // Azure SDK clients built by the app (DefaultAzureCredential picks the user-assigned identity from AZURE_CLIENT_ID).
      AZURE_CLIENT_ID: identity.outputs.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
      Helpdesk__Storage__BlobServiceUri: blobServiceUri
      Helpdesk__Storage__QueueServiceUri: queueServiceUri
      Helpdesk__Storage__TableServiceUri: tableServiceUri
      Helpdesk__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${functionAppName}.azurewebsites.net' : publicBaseUrl
      Helpdesk__SupportAddress: supportAddress
      Helpdesk__SupportName: supportName
      Helpdesk__Sla__Calendar__TimeZone: timeZone
      Helpdesk__Conversation__EmergencyPhone: emergencyPhone
      Helpdesk__Sla__Notifications__Groups__L1: l1GroupAddress
      Helpdesk__Sla__Notifications__Groups__L2: l2GroupAddress
      Helpdesk__Sla__Notifications__Groups__L3: l3GroupAddress
      Helpdesk__Sla__Notifications__Managers: managersAddress
      Helpdesk__Sla__Notifications__Language: technicianLanguage
      Helpdesk__Sla__P1__FirstResponse: slaTargets.P1.firstResponse
      Helpdesk__Sla__P1__Resolution: slaTargets.P1.resolution
      Helpdesk__Sla__P1__TwentyFourSeven: string(slaTargets.P1.twentyFourSeven)
      Helpdesk__Sla__P2__FirstResponse: slaTargets.P2.firstResponse
      Helpdesk__Sla__P2__Resolution: slaTargets.P2.resolution
      Helpdesk__Sla__P2__TwentyFourSeven: string(slaTargets.P2.twentyFourSeven)
      Helpdesk__Sla__P3__FirstResponse: slaTargets.P3.firstResponse
      Helpdesk__Sla__P3__Resolution: slaTargets.P3.resolution
      Helpdesk__Sla__P3__TwentyFourSeven: string(slaTargets.P3.twentyFourSeven)
      Helpdesk__Sla__P4__FirstResponse: slaTargets.P4.firstResponse
      Helpdesk__Sla__P4__Resolution: slaTargets.P4.resolution
      Helpdesk__Sla__P4__TwentyFourSeven: string(slaTargets.P4.twentyFourSeven)
      Helpdesk__Sla__LevelShares__L1: slaLevelShares.L1
      Helpdesk__Sla__LevelShares__L2: slaLevelShares.L2
      Helpdesk__Sla__LevelShares__L3: slaLevelShares.L3
      Helpdesk__Sla__WarningThreshold: slaWarningThreshold
      Helpdesk__Sla__Calendar__Monday: businessHours.monday
      Helpdesk__Sla__Calendar__Tuesday: businessHours.tuesday
      Helpdesk__Sla__Calendar__Wednesday: businessHours.wednesday
      Helpdesk__Sla__Calendar__Thursday: businessHours.thursday
      Helpdesk__Sla__Calendar__Friday: businessHours.friday
      Helpdesk__Sla__Calendar__Saturday: businessHours.saturday
      Helpdesk__Sla__Calendar__Sunday: businessHours.sunday
      Helpdesk__Sla__Calendar__Holidays: publicHolidays
      Helpdesk__Email__Provider: enableCommunicationServices ? 'Acs' : 'Smtp'
      // ACS: the managed identity by default (no secret); the access-key connection string only when asked for.
      Helpdesk__Email__Acs__Authentication: communicationAuthentication
      Helpdesk__Email__Acs__Endpoint: communication.?outputs.endpoint ?? ''
      Helpdesk__Email__Acs__ConnectionString: enableCommunicationServices && communicationAuthentication == 'AccessKey'
        ? keyVaultReference(keyVault.outputs.name, secretNames.acsConnectionString)
        : ''
      Helpdesk__Email__Acs__SenderAddress: communication.?outputs.senderAddress ?? ''
      Helpdesk__Smtp__Host: smtpHost
      Helpdesk__Smtp__Port: string(smtpPort)
      Helpdesk__Smtp__UserName: smtpUserName
      Helpdesk__Smtp__Password: keyVaultReference(keyVault.outputs.name, secretNames.smtpPassword)
      Helpdesk__Signing__Key: keyVaultReference(keyVault.outputs.name, secretNames.signingKey)
      Helpdesk__Inventory__HeartbeatKey: keyVaultReference(keyVault.outputs.name, secretNames.heartbeatKey)
      Helpdesk__Maintenance__ItContact: empty(itContactAddress) ? supportAddress : itContactAddress
      Helpdesk__Maintenance__Language: maintenanceLanguage
      Helpdesk__Inbound__MailgunSigningKey: empty(mailgunSigningKey) ? '' : keyVaultReference(keyVault.outputs.name, secretNames.mailgunSigningKey)
      // Console sign-in: trust Easy Auth's client principal header only where Easy Auth is configured (modules/auth.bicep).
      Helpdesk__Technicians__TrustPlatformPrincipal: string(!empty(entraClientId))
      Helpdesk__Technicians__FirstAdminEmail: firstAdminEmail
    }
    // Calendar closed days and provider contracts: names built from the parameters (see slaListSettings).
    additionalAppSettings: slaListSettings
  }
}

module auth 'modules/auth.bicep' = if (!empty(entraClientId)) {
  name: 'auth'
  params: {
    siteName: functionApp.outputs.name
    entraTenantId: empty(entraTenantId) ? tenant().tenantId : entraTenantId
    entraClientId: entraClientId
  }
}

@description('Name of the function app.')
output functionAppName string = functionApp.outputs.name

@description('Default host name of the function app.')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('Key Vault name: set secrets with az keyvault secret set --vault-name <name>.')
output keyVaultName string = keyVault.outputs.name

@description('Storage account name.')
output storageAccountName string = storage.outputs.name

@description('Storage account of the Durable task hub (the main account when separateTaskHubStorage is false).')
output taskHubStorageAccountName string = taskHubAccountName

@description('ACS custom mail domain: the DNS records to publish (empty without customMailDomain).')
output mailDomainDnsRecords object = communication.?outputs.customDomainDnsRecords ?? {}
