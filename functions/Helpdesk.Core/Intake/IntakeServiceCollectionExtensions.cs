using Helpdesk.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>
    /// Intake: the request form, reading and validating submissions (urlencoded, multipart with attachments, JSON),
    /// idempotency (tenant-wide claims), turning a submission from any channel into a ticket (<see cref="TicketIntake"/>),
    /// and the daily sweep of orphan attachments (<see cref="AttachmentSweeper"/>, scheduled by each host).
    /// </summary>
    public static IServiceCollection AddHelpdeskIntake(this IServiceCollection services)
    {
        services.AddValidatedOptions<IntakeOptions, IntakeOptionsValidator>(IntakeOptions.Section);
        services.AddStorageResources(StorageResourceKind.Container, StorageClients.AttachmentsContainer);
        services.AddStorageResources(StorageResourceKind.Table, StorageClients.IndexTable); // idempotency claims, partition "idem"
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<IntakeOptions>>().Value);
        services.TryAddSingleton<SubmissionValidator>();
        services.TryAddSingleton<AttachmentStore>();
        services.TryAddSingleton<AttachmentPartReader>();
        services.TryAddSingleton<SubmissionReader>();
        services.TryAddSingleton<IdempotencyClaims>();
        services.TryAddSingleton<AttachmentSweeper>();
        services.TryAddSingleton<TicketIntake>();
        services.TryAddSingleton<IntakeHandler>();
        return services;
    }
}
