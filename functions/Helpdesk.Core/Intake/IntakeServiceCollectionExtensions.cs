using Helpdesk.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>
    /// Intake: the request form, reading and validating submissions (urlencoded, multipart with attachments, JSON),
    /// idempotency, and turning a submission from any channel into a ticket (<see cref="TicketIntake"/>).
    /// </summary>
    public static IServiceCollection AddHelpdeskIntake(this IServiceCollection services)
    {
        services.AddValidatedOptions<IntakeOptions, IntakeOptionsValidator>(IntakeOptions.Section);
        services.AddStorageResources(StorageResourceKind.Container, StorageClients.AttachmentsContainer);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<IntakeOptions>>().Value);
        services.TryAddSingleton<SubmissionValidator>();
        services.TryAddSingleton<AttachmentStore>();
        services.TryAddSingleton<SubmissionReader>();
        services.TryAddSingleton<TicketIntake>();
        services.TryAddSingleton<IntakeHandler>();
        return services;
    }
}
