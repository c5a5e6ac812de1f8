using Helpdesk.Core.Intake;
using Helpdesk.Core.Tickets;

namespace Helpdesk.IntegrationTests.Tickets;

internal static class Submissions
{
    /// <summary>The channel of tickets created directly through <see cref="TicketIntake"/> in these tests.</summary>
    public static readonly IntakeSource Api = new(IntakeChannel.Api, "tests");

    public static ValidSubmission Valid(string? email = null, Impact impact = Impact.Team, CanWork canWork = CanWork.Partly, string? subject = null) => new(
        new Requester("Marie Dubois", email ?? $"marie.{Guid.NewGuid():N}@example.be", null, "fr"),
        subject ?? "Imprimante bloquée",
        "Bourrage papier au deuxième étage.",
        Category.Printer,
        impact,
        canWork,
        null);
}
