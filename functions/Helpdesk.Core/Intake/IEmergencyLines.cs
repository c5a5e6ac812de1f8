using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Intake;

/// <summary>
/// Where the form and its confirmation learn whom to call in an emergency (implemented by Providers/ from the provider
/// directory). Optional: without one, the confirmation falls back to <c>Helpdesk:Conversation:EmergencyPhone</c>.
/// </summary>
public interface IEmergencyLines
{
    /// <summary>One line per category that a provider with a phone covers, then the reference IT contact's (category null), if any.</summary>
    Task<IReadOnlyList<EmergencyLine>> ForFormAsync(CancellationToken cancellationToken);

    /// <summary>The line for <paramref name="category"/>, else the reference IT contact's, else null.</summary>
    Task<EmergencyLine?> ForCategoryAsync(Category category, CancellationToken cancellationToken);
}
