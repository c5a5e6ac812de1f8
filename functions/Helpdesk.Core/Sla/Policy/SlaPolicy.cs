using System.Collections.Frozen;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

public sealed class SlaPolicy
{
    private readonly FrozenDictionary<Priority, SlaTargets> _targets;
    private readonly FrozenDictionary<SupportLevel, double> _shares;
    private readonly FrozenDictionary<string, ProviderContract> _providers;

    private SlaPolicy(SlaPolicyOptions options)
    {
        _targets = new Dictionary<Priority, SlaTargets>
        {
            [Priority.P1] = ToTargets(options.P1),
            [Priority.P2] = ToTargets(options.P2),
            [Priority.P3] = ToTargets(options.P3),
            [Priority.P4] = ToTargets(options.P4),
        }.ToFrozenDictionary();
        _shares = new Dictionary<SupportLevel, double>
        {
            [SupportLevel.L1] = options.LevelShares.L1,
            [SupportLevel.L2] = options.LevelShares.L2,
            [SupportLevel.L3] = options.LevelShares.L3,
        }.ToFrozenDictionary();
        _providers = options.Providers.ToFrozenDictionary(
            p => p.Key, p => new ProviderContract(p.Value.Response, p.Value.TwentyFourSeven), StringComparer.OrdinalIgnoreCase);
        WarningThreshold = options.WarningThreshold;
    }

    public static SlaPolicy Default { get; } = FromOptions(new SlaPolicyOptions());

    public double WarningThreshold { get; }

    public static SlaPolicy FromOptions(SlaPolicyOptions options)
    {
        var result = new SlaPolicyOptionsValidator().Validate(null, options);
        return result.Failed ? throw new ArgumentException(result.FailureMessage, nameof(options)) : new SlaPolicy(options);
    }

    public SlaTargets TargetsFor(Priority priority) => _targets[priority];

    public double ShareOf(SupportLevel level) => _shares[level];

    // The part of the resolution target a level may use before automatic escalation.
    public TimeSpan LevelBudget(Priority priority, SupportLevel level) => TargetsFor(priority).Resolution * ShareOf(level);

    public ProviderContract? ProviderContract(string provider) => _providers.GetValueOrDefault(provider);

    private static SlaTargets ToTargets(SlaPriorityOptions options) =>
        new(options.FirstResponse, options.Resolution, options.TwentyFourSeven);
}

// The calendars a clock may count in: the tenant's business calendar, and 24/7 for targets configured that way.
