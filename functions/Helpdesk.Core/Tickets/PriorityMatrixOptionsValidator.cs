using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Tickets;

public sealed class PriorityMatrixOptionsValidator : IValidateOptions<PriorityMatrixOptions>
{
    public ValidateOptionsResult Validate(string? name, PriorityMatrixOptions options)
    {
        var errors = new List<string>();
        foreach (var (impact, row) in options.Matrix)
        {
            if (!WireName.TryParse<Impact>(impact, out _))
            {
                errors.Add($"Helpdesk:Priority:Matrix: unknown impact '{impact}' (expected {string.Join(", ", WireName.All<Impact>())}).");
            }

            foreach (var (canWork, priority) in row)
            {
                if (!WireName.TryParse<CanWork>(canWork, out _))
                {
                    errors.Add($"Helpdesk:Priority:Matrix:{impact}: unknown canWork '{canWork}' (expected yes, partly, no).");
                }

                if (!WireName.TryParse<Priority>(priority, out _))
                {
                    errors.Add($"Helpdesk:Priority:Matrix:{impact}:{canWork}: '{priority}' is not a priority (expected P1, P2, P3 or P4).");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
