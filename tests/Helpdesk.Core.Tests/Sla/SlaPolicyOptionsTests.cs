using System.Text.Json;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using E = Helpdesk.Core.Sla.SlaClockEvent;

namespace Helpdesk.Core.Tests.Sla;

public class SlaPolicyOptionsTests
{
    [Fact]
    public void DefaultPolicy_HasDocumentedTargets()
    {
        var policy = SlaPolicy.Default;

        Assert.Equal(new SlaTargets(TimeSpan.FromMinutes(30), TimeSpan.FromHours(4), true), policy.TargetsFor(Priority.P1));
        Assert.Equal(new SlaTargets(TimeSpan.FromHours(2), TimeSpan.FromHours(8), false), policy.TargetsFor(Priority.P2));
        Assert.Equal(new SlaTargets(TimeSpan.FromHours(4), TimeSpan.FromHours(27), false), policy.TargetsFor(Priority.P3));
        Assert.Equal(new SlaTargets(TimeSpan.FromHours(8), TimeSpan.FromHours(45), false), policy.TargetsFor(Priority.P4));
        Assert.Equal([0.5, 0.3, 0.2], [policy.ShareOf(SupportLevel.L1), policy.ShareOf(SupportLevel.L2), policy.ShareOf(SupportLevel.L3)]);
        Assert.Equal(0.75, policy.WarningThreshold);
    }

    [Fact]
    public void BadPolicy_EachProblemReportedWithItsKey()
    {
        var options = new SlaPolicyOptions
        {
            WarningThreshold = 1.2,
            LevelShares = { L1 = 0.6, L2 = 0.3, L3 = 0.2 },
            Providers = { ["software-vendor"] = new ProviderContractOptions() },
        };
        options.P3.Resolution = TimeSpan.Zero;

        var failures = new SlaPolicyOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(
            [
                "Helpdesk:Sla:P3:Resolution must be greater than zero (was 00:00:00).",
                "Helpdesk:Sla:LevelShares must sum to 1 (L1 + L2 + L3 = 1.1).",
                "Helpdesk:Sla:WarningThreshold must be between 0 and 1, exclusive (was 1.2).",
                "Helpdesk:Sla:Providers:software-vendor:Response must be greater than zero (was 00:00:00).",
            ],
            failures);
        Assert.Throws<ArgumentException>(() => SlaPolicy.FromOptions(options));
    }

    [Fact]
    public void Configuration_BindsPolicyAndCalendar()
    {
        var services = HostServices(new Dictionary<string, string?>
        {
            ["Helpdesk:Sla:P2:Resolution"] = "12:00:00",
            ["Helpdesk:Sla:Providers:internet-provider:Response"] = "04:00:00",
            ["Helpdesk:Sla:Providers:internet-provider:TwentyFourSeven"] = "true",
            ["Helpdesk:Sla:Calendar:Saturday"] = "09:00-12:00",
            ["Helpdesk:Sla:Calendar:ExtraClosedDays:0"] = "2027-12-27",
        });

        var policy = services.GetRequiredService<SlaPolicy>();
        var calendar = services.GetRequiredService<BusinessCalendar>();

        Assert.Equal(new SlaTargets(TimeSpan.FromHours(2), TimeSpan.FromHours(12), false), policy.TargetsFor(Priority.P2));
        Assert.Equal(new ProviderContract(TimeSpan.FromHours(4), true), policy.ProviderContract("Internet-Provider"));
        Assert.True(calendar.IsWorkingTime(Brussels.At(2027, 3, 6, 10)));
        Assert.False(calendar.IsWorkingTime(Brussels.At(2027, 12, 27, 10)));
        Assert.NotNull(services.GetRequiredService<SlaEvaluator>());
    }

    [Fact]
    public void InvalidConfiguration_FailsWithTheMessage()
    {
        var services = HostServices(new Dictionary<string, string?> { ["Helpdesk:Sla:Calendar:TimeZone"] = "Europe/Atlantis" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<BusinessCalendar>());

        Assert.Contains("TimeZone 'Europe/Atlantis' is not a known time zone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_RoundTripsThroughJson()
    {
        E[] log =
        [
            new E.Started(1, Brussels.Utc(2027, 3, 1, 8), Priority.P2),
            new E.Paused(2, Brussels.Utc(2027, 3, 1, 9), PauseReason.Provider, "internet-provider"),
            new E.Escalated(3, Brussels.Utc(2027, 3, 1, 12), SupportLevel.L1, SupportLevel.L2, Brussels.Utc(2027, 3, 1, 12)),
        ];

        var json = JsonSerializer.Serialize(log);
        var back = JsonSerializer.Deserialize<E[]>(json);

        Assert.Contains("\"type\":\"paused\"", json, StringComparison.Ordinal);
        Assert.Equal(log, back);
    }

    private static ServiceProvider HostServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddHelpdeskSla().BuildServiceProvider();
    }
}
