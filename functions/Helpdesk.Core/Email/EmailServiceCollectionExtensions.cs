using Helpdesk.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Inbound mail: the four webhook routes (<see cref="InboundHandler"/>), storing raw messages (container
    /// <see cref="InboundMailStore.Container"/>) and queueing them (<see cref="InboundQueues.Mail"/>), and the consumer
    /// that turns them into tickets, comments or timeline notes (<see cref="InboundMailProcessor"/>, table
    /// <see cref="MailRecords.TableName"/>). Threading uses the signed identifiers registered by notifications.
    /// </summary>
    public static IServiceCollection AddHelpdeskEmail(this IServiceCollection services)
    {
        services.AddValidatedOptions<InboundOptions, InboundOptionsValidator>(InboundOptions.Section);
        services.AddStorageResources(StorageResourceKind.Container, InboundMailStore.Container);
        services.AddStorageResources(StorageResourceKind.Queue, InboundQueues.Mail, QueueRules.Poison(InboundQueues.Mail));
        services.AddStorageResources(StorageResourceKind.Table, MailRecords.TableName);
        services.TryAddSingleton<SupportAddresses>();
        services.TryAddSingleton<InboundMailStore>();
        services.TryAddSingleton<MailRecords>();
        services.TryAddSingleton<InboundMailIntake>();
        services.TryAddSingleton<InboundHandler>();
        services.TryAddSingleton<InboundMailProcessor>();
        return services;
    }
}
