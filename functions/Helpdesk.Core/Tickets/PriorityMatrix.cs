using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// ITIL impact × urgency matrix. Urgency comes from "can you still do other work?": no → high, partly → medium,
/// yes → low. Each cell is configurable under <c>Helpdesk:Priority:Matrix:{impact}:{canWork}</c>, e.g.
/// <c>Helpdesk__Priority__Matrix__team__partly=P2</c>.
/// </summary>
public sealed class PriorityMatrixOptions
{
    public const string Section = "Helpdesk:Priority";

    /// <summary>impact (wire name) → canWork (wire name) → priority ("P1".."P4").</summary>
    public Dictionary<string, Dictionary<string, string>> Matrix { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class PriorityMatrix
{
    // Rows: impact (organization, team, individual); columns: can work (no, partly, yes).
    private static readonly Dictionary<(Impact, CanWork), Priority> Defaults = new()
    {
        [(Impact.Organization, CanWork.No)] = Priority.P1,
        [(Impact.Organization, CanWork.Partly)] = Priority.P2,
        [(Impact.Organization, CanWork.Yes)] = Priority.P3,
        [(Impact.Team, CanWork.No)] = Priority.P2,
        [(Impact.Team, CanWork.Partly)] = Priority.P3,
        [(Impact.Team, CanWork.Yes)] = Priority.P4,
        [(Impact.Individual, CanWork.No)] = Priority.P3,
        [(Impact.Individual, CanWork.Partly)] = Priority.P4,
        [(Impact.Individual, CanWork.Yes)] = Priority.P4,
    };

    private readonly Dictionary<(Impact, CanWork), Priority> _cells;

    public PriorityMatrix() : this(new PriorityMatrixOptions())
    {
    }

    public PriorityMatrix(IOptions<PriorityMatrixOptions> options) : this(options.Value)
    {
    }

    public PriorityMatrix(PriorityMatrixOptions options)
    {
        _cells = new Dictionary<(Impact, CanWork), Priority>(Defaults);
        foreach (var (impactName, row) in options.Matrix)
        {
            var impact = WireName.Parse<Impact>(impactName);
            foreach (var (canWorkName, priorityName) in row)
            {
                _cells[(impact, WireName.Parse<CanWork>(canWorkName))] = Enum.Parse<Priority>(priorityName, ignoreCase: true);
            }
        }
    }

    public Priority For(Impact impact, CanWork canWork) => _cells[(impact, canWork)];
}

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

                if (!Enum.TryParse<Priority>(priority, ignoreCase: true, out var p) || !Enum.IsDefined(p))
                {
                    errors.Add($"Helpdesk:Priority:Matrix:{impact}:{canWork}: '{priority}' is not a priority (expected P1, P2, P3 or P4).");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
