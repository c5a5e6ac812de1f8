using System.Globalization;
using System.Text.Json.Nodes;
using Helpdesk.Core.Sla;

namespace Helpdesk.InfraTests;

/// <summary>
/// Every SLA and calendar setting the app reads (each options path under <c>Helpdesk:Sla</c>, found by reflection) can be
/// set per tenant from a parameter of infra/main.bicep, and the template's defaults are the app's own defaults.
/// </summary>
public sealed class SlaParameterTests
{
    private static IEnumerable<string[]> SlaPaths =>
        OptionsBindingPaths.All.Where(p => p.Length > 2 && p[0] == "Helpdesk" && p[1] == "Sla");

    [Fact]
    public async Task EverySlaOptionsPath_IsSetFromAParameterOfMainBicep()
    {
        var template = await CompiledTemplate.BuildMainAsync();
        var module = CompiledTemplate.FunctionAppModuleParameters(template);
        var literal = module["appSettings"]!["value"]!.AsObject();
        var computed = CompiledTemplate.Inline(template, CompiledTemplate.Text(module["additionalAppSettings"]?["value"]));

        var paths = SlaPaths.ToList();
        Assert.True(paths.Count >= 25, $"only {paths.Count} SLA paths found by reflection");

        var missing = new List<string>();
        foreach (var path in paths)
        {
            var star = Array.IndexOf(path, "*");
            if (star < 0)
            {
                // A literal app setting whose value comes from a parameter.
                var name = string.Join("__", path);
                var value = literal.FirstOrDefault(s => s.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
                if (value is null || !CompiledTemplate.Text(value).Contains("parameters('", StringComparison.Ordinal))
                {
                    missing.Add(name);
                }
            }
            else
            {
                // A name built from a parameter: format('Helpdesk__Sla__Providers__{0}__Response', ...) over a parameter.
                var pattern = string.Join("__", path[..star]) + "__{0}" + string.Concat(path[(star + 1)..].Select(s => "__" + s));
                if (!computed.Contains($"format('{pattern}'", StringComparison.OrdinalIgnoreCase) || !computed.Contains("parameters('", StringComparison.Ordinal))
                {
                    missing.Add(pattern);
                }
            }
        }

        Assert.True(missing.Count == 0, $"Helpdesk:Sla settings no parameter of infra/main.bicep reaches: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task MainBicepDefaults_AreTheAppDefaults()
    {
        var parameters = (await CompiledTemplate.BuildMainAsync())["parameters"]!;
        JsonNode Default(string name) => parameters[name]!["defaultValue"]!;
        var policy = new SlaPolicyOptions();
        var calendar = new BusinessCalendarOptions();
        var notifications = new SlaNotificationOptions();

        var targets = Default("slaTargets");
        foreach (var (key, expected) in new[] { ("P1", policy.P1), ("P2", policy.P2), ("P3", policy.P3), ("P4", policy.P4) })
        {
            Assert.Equal(expected.FirstResponse, TimeSpan.Parse((string)targets[key]!["firstResponse"]!, CultureInfo.InvariantCulture));
            Assert.Equal(expected.Resolution, TimeSpan.Parse((string)targets[key]!["resolution"]!, CultureInfo.InvariantCulture));
            Assert.Equal(expected.TwentyFourSeven, (bool)targets[key]!["twentyFourSeven"]!);
        }

        var shares = Default("slaLevelShares");
        Assert.Equal(policy.LevelShares.L1, double.Parse((string)shares["L1"]!, CultureInfo.InvariantCulture));
        Assert.Equal(policy.LevelShares.L2, double.Parse((string)shares["L2"]!, CultureInfo.InvariantCulture));
        Assert.Equal(policy.LevelShares.L3, double.Parse((string)shares["L3"]!, CultureInfo.InvariantCulture));
        Assert.Equal(policy.WarningThreshold, double.Parse((string)Default("slaWarningThreshold")!, CultureInfo.InvariantCulture));
        Assert.Empty(Default("slaProviders").AsObject());

        var hours = Default("businessHours");
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            Assert.Equal(calendar.HoursOf(day), (string)hours[day.ToString().ToLowerInvariant()]!);
        }

        Assert.Equal(calendar.TimeZone, (string)Default("timeZone")!);
        Assert.Equal(calendar.Holidays, (string)Default("publicHolidays")!);
        Assert.Empty(Default("extraClosedDays").AsArray());
        Assert.Equal(notifications.Language, (string)Default("technicianLanguage")!);
    }

    [Fact]
    public async Task ExampleTenants_DifferInWhatClientsDifferIn()
    {
        var contoso = await TenantParametersAsync("contoso.bicepparam");
        var fabrikam = await TenantParametersAsync("fabrikam.bicepparam");

        string[] differing =
        [
            "technicianLanguage", "timeZone", "businessHours", "publicHolidays", "extraClosedDays", "slaTargets",
            "enableCommunicationServices", "supportAddress", "l1GroupAddress", "managersAddress",
        ];
        Assert.All(differing, name => Assert.False(
            JsonNode.DeepEquals(contoso[name]?["value"], fabrikam[name]?["value"]), $"{name} is the same in both example tenants"));

        // One sends through an SMTP relay with a password from the environment, the other through ACS with no secret.
        Assert.False((bool)contoso["enableCommunicationServices"]!["value"]!);
        Assert.True((bool)fabrikam["enableCommunicationServices"]!["value"]!);
        Assert.Equal("ManagedIdentity", (string?)fabrikam["communicationAuthentication"]?["value"]);
        Assert.Null(fabrikam["smtpPassword"]);
    }

    private static async Task<JsonObject> TenantParametersAsync(string file)
    {
        var parametersJson = (string)JsonNode.Parse(await CompiledTemplate.TenantJsonAsync(file))!["parametersJson"]!;
        return JsonNode.Parse(parametersJson)!["parameters"]!.AsObject();
    }
}
