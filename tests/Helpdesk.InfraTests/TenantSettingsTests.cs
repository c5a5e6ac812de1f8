using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Helpdesk.Core.Sla;
using Microsoft.Extensions.Configuration;

namespace Helpdesk.InfraTests;

/// <summary>
/// What each example tenant's SLA settings become in the app: the tenant's parameter values (or the template's
/// defaults) pushed through the template's app settings, bound to the options classes and checked by the app's own
/// validators, so a tenant file the app would refuse at start fails here, offline.
/// </summary>
public sealed partial class TenantSettingsTests
{
    [Fact]
    public async Task Fabrikam_SlaSettings_ReachTheOptions_AndPassTheAppsValidators()
    {
        var (policy, calendar, notifications) = await BindAsync("fabrikam.bicepparam");

        Assert.Equal(TimeSpan.FromMinutes(15), policy.P1.FirstResponse);
        Assert.True(policy.P2.TwentyFourSeven);
        Assert.Equal(TimeSpan.FromDays(3), policy.P4.Resolution);
        Assert.Equal(0.4, policy.LevelShares.L2);
        Assert.Equal(0.8, policy.WarningThreshold);
        Assert.Equal(TimeSpan.FromHours(8), policy.Providers["erp-vendor"].Response);
        Assert.True(policy.Providers["internet-provider"].TwentyFourSeven);
        Assert.Equal("Europe/Dublin", calendar.TimeZone);
        Assert.Equal("09:00-13:00", calendar.Saturday);
        Assert.Equal(PublicHolidays.None, calendar.Holidays);
        Assert.Contains(new DateOnly(2027, 3, 17), calendar.ExtraClosedDays);
        Assert.Equal(10, calendar.ExtraClosedDays.Count);
        Assert.Equal("en", notifications.Language);
        Assert.Equal("infrastructure@fabrikam.ie", notifications.Groups.L2);
    }

    [Fact]
    public async Task Contoso_SlaSettings_ReachTheOptions_AndPassTheAppsValidators()
    {
        var (policy, calendar, notifications) = await BindAsync("contoso.bicepparam");

        Assert.Equal(TimeSpan.FromHours(27), policy.P3.Resolution);
        Assert.Equal(2, policy.Providers.Count);
        Assert.Equal("Europe/Brussels", calendar.TimeZone);
        Assert.Equal(PublicHolidays.Belgium, calendar.Holidays);
        Assert.Equal(WorkingHours.Closed, calendar.Saturday);
        Assert.Equal("both", notifications.Language);
    }

    private static async Task<(SlaPolicyOptions Policy, BusinessCalendarOptions Calendar, SlaNotificationOptions Notifications)> BindAsync(string tenantFile)
    {
        var template = await CompiledTemplate.BuildMainAsync();
        var tenant = JsonNode.Parse((string)JsonNode.Parse(await CompiledTemplate.TenantJsonAsync(tenantFile))!["parametersJson"]!)!["parameters"]!;
        JsonNode? Parameter(string name) => tenant[name]?["value"] ?? template["parameters"]![name]!["defaultValue"];

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var literal = CompiledTemplate.FunctionAppModuleParameters(template)["appSettings"]!["value"]!.AsObject();
        foreach (var (name, value) in literal.Where(s => s.Key.StartsWith("Helpdesk__Sla__", StringComparison.Ordinal)))
        {
            settings[name.Replace("__", ":", StringComparison.Ordinal)] = Evaluate(CompiledTemplate.Text(value), Parameter);
        }

        // The computed names, as main.bicep builds them (the format patterns are checked by SlaParameterTests).
        var closed = Parameter("extraClosedDays")!.AsArray();
        for (var i = 0; i < closed.Count; i++)
        {
            settings[$"Helpdesk:Sla:Calendar:ExtraClosedDays:{i}"] = (string?)closed[i];
        }

        foreach (var (name, contract) in Parameter("slaProviders")!.AsObject())
        {
            settings[$"Helpdesk:Sla:Providers:{name}:Response"] = (string?)contract!["response"];
            settings[$"Helpdesk:Sla:Providers:{name}:TwentyFourSeven"] = ArmString(contract["twentyFourSeven"]);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var policy = configuration.GetSection(SlaPolicyOptions.SectionName).Get<SlaPolicyOptions>() ?? new();
        var calendar = configuration.GetSection(BusinessCalendarOptions.SectionName).Get<BusinessCalendarOptions>() ?? new();
        var notifications = configuration.GetSection(SlaNotificationOptions.SectionName).Get<SlaNotificationOptions>() ?? new();

        Assert.Empty(new[]
        {
            new SlaPolicyOptionsValidator().Validate(null, policy),
            new BusinessCalendarOptionsValidator().Validate(null, calendar),
            new SlaNotificationOptionsValidator().Validate(null, notifications),
        }.Where(r => r.Failed).SelectMany(r => r.Failures ?? []));
        return (policy, calendar, notifications);
    }

    /// <summary>
    /// The two expression shapes main.bicep uses for SLA settings: <c>[parameters('p').a.b]</c> and
    /// <c>[string(parameters('p').a.b)]</c>. Anything else fails the test: keep SLA settings plain parameter reads.
    /// </summary>
    private static string? Evaluate(string expression, Func<string, JsonNode?> parameter)
    {
        var match = ParameterRead().Match(expression);
        Assert.True(match.Success, $"not a plain parameter read: {expression}");
        var node = parameter(match.Groups["name"].Value);
        foreach (var property in match.Groups["path"].Value.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[property];
        }

        return ArmString(node);
    }

    // ARM's string() writes booleans as True/False, which the configuration binder reads.
    private static string? ArmString(JsonNode? node) => node?.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.True => "True",
        System.Text.Json.JsonValueKind.False => "False",
        System.Text.Json.JsonValueKind.Number => node!.ToJsonString(),
        null => null,
        _ => (string?)node,
    };

    [GeneratedRegex(@"^\[(?:string\()?parameters\('(?<name>\w+)'\)(?<path>(?:\.\w+)*)\)?\]$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterRead();
}
