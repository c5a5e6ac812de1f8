using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Sla;

public sealed class SlaPolicyOptionsValidator : IValidateOptions<SlaPolicyOptions>
{
    // Shares come from configuration as decimals; allow for binary rounding (0.1 + 0.2 != 0.3).
    private const double ShareTolerance = 1e-9;

    public ValidateOptionsResult Validate(string? name, SlaPolicyOptions options)
    {
        const string Section = SlaPolicyOptions.SectionName;
        var failures = new List<string>();

        foreach (var (key, targets) in new[] { ("P1", options.P1), ("P2", options.P2), ("P3", options.P3), ("P4", options.P4) })
        {
            if (targets.FirstResponse <= TimeSpan.Zero)
            {
                failures.Add($"{Section}:{key}:FirstResponse must be greater than zero (was {targets.FirstResponse}).");
            }

            if (targets.Resolution <= TimeSpan.Zero)
            {
                failures.Add($"{Section}:{key}:Resolution must be greater than zero (was {targets.Resolution}).");
            }
            else if (targets.FirstResponse > targets.Resolution)
            {
                failures.Add($"{Section}:{key}:FirstResponse ({targets.FirstResponse}) must not exceed Resolution ({targets.Resolution}).");
            }
        }

        var shares = options.LevelShares;
        foreach (var (key, share) in new[] { ("L1", shares.L1), ("L2", shares.L2), ("L3", shares.L3) })
        {
            if (share is <= 0 or >= 1 || double.IsNaN(share))
            {
                failures.Add(FormattableString.Invariant($"{Section}:LevelShares:{key} must be between 0 and 1, exclusive (was {share})."));
            }
        }

        var sum = shares.L1 + shares.L2 + shares.L3;
        if (Math.Abs(sum - 1) > ShareTolerance)
        {
            failures.Add(FormattableString.Invariant($"{Section}:LevelShares must sum to 1 (L1 + L2 + L3 = {sum:0.######}).")); // rounded: 1.0999999999999999 helps nobody
        }

        if (options.WarningThreshold is <= 0 or >= 1 || double.IsNaN(options.WarningThreshold))
        {
            failures.Add(FormattableString.Invariant($"{Section}:WarningThreshold must be between 0 and 1, exclusive (was {options.WarningThreshold})."));
        }

        foreach (var (provider, contract) in options.Providers)
        {
            if (string.IsNullOrWhiteSpace(provider))
            {
                failures.Add($"{Section}:Providers: a provider name must not be empty.");
            }

            if (contract.Response <= TimeSpan.Zero)
            {
                failures.Add($"{Section}:Providers:{provider}:Response must be greater than zero (was {contract.Response}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
