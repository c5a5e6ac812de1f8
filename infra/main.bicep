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

@description('Optional. Create Azure Communication Services Email (Azure-managed domain) and send through its REST API instead of SMTP.')
param enableCommunicationServices bool = false

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
var secretNames = {
  smtpPassword: 'smtp-password'
  acsConnectionString: 'acs-connection-string'
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

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: keyVaultName
    location: location
    tags: allTags
    appPrincipalId: identity.outputs.principalId
    secrets: {
      '${secretNames.smtpPassword}': smtpPassword
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
  }
}

var blobServiceUri = 'https://${storage.outputs.name}.blob.${storageSuffix}'
var queueServiceUri = 'https://${storage.outputs.name}.queue.${storageSuffix}'
var tableServiceUri = 'https://${storage.outputs.name}.table.${storageSuffix}'

func keyVaultReference(vaultName string, secretName string) string =>
  '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretName})'

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: functionAppName
    planName: 'plan-helpdesk-${tenantName}'
    location: location
    tags: allTags
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
      Helpdesk__Sla__Notifications__Groups__L1: l1GroupAddress
      Helpdesk__Sla__Notifications__Groups__L2: l2GroupAddress
      Helpdesk__Sla__Notifications__Groups__L3: l3GroupAddress
      Helpdesk__Sla__Notifications__Managers: managersAddress
      Helpdesk__Email__Provider: enableCommunicationServices ? 'Acs' : 'Smtp'
      Helpdesk__Email__Acs__ConnectionString: enableCommunicationServices
        ? keyVaultReference(keyVault.outputs.name, secretNames.acsConnectionString)
        : ''
      Helpdesk__Email__Acs__SenderAddress: communication.?outputs.senderAddress ?? ''
      Helpdesk__Smtp__Host: smtpHost
      Helpdesk__Smtp__Port: string(smtpPort)
      Helpdesk__Smtp__UserName: smtpUserName
      Helpdesk__Smtp__Password: keyVaultReference(keyVault.outputs.name, secretNames.smtpPassword)
      // Console sign-in: trust Easy Auth's client principal header only where Easy Auth is configured (modules/auth.bicep).
      Helpdesk__Technicians__TrustPlatformPrincipal: string(!empty(entraClientId))
      Helpdesk__Technicians__FirstAdminEmail: firstAdminEmail
    }
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
