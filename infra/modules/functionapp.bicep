metadata description = 'Flex Consumption (FC1) plan and the .NET isolated function app, running as a user-assigned managed identity.'

@description('Required. Name of the function app (also its default host name).')
param name string

@description('Required. Name of the Flex Consumption plan.')
param planName string

@description('Required. Azure region.')
param location string

@description('Optional. Tags for every resource.')
param tags object = {}

@description('Optional. Tags of the function app only (not the plan), e.g. azd-service-name, which must name a single resource.')
param siteTags object = {}

@description('Required. Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Required. Blob container URL of the deployment package (https://<account>.blob.../<container>).')
param deploymentContainerUrl string

@description('Optional. .NET isolated runtime version.')
param runtimeVersion string = '10.0'

@description('Optional. Maximum number of instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Optional. Instance memory in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Required. App settings as name/value pairs.')
param appSettings object

@description('Optional. More app settings whose names are computed (list indexes, dictionary keys); merged into appSettings.')
param additionalAppSettings object = {}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, siteTags)
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [for setting in items(union(appSettings, additionalAppSettings)): { name: setting.key, value: setting.value }]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }
}

@description('Function app name.')
output name string = site.name

@description('Default host name of the app.')
output defaultHostName string = site.properties.defaultHostName
