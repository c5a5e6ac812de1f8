using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Tickets;

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
                _cells[(impact, WireName.Parse<CanWork>(canWorkName))] = WireName.Parse<Priority>(priorityName);
            }
        }
    }

    public Priority For(Impact impact, CanWork canWork) => _cells[(impact, canWork)];
}
