using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The requester's side of a ticket: a mail for every public step (<see cref="RequesterMail"/>, handler
    /// <c>requester-mail</c> on <c>ticket-events</c>), never to addresses in <see cref="BouncedAddresses"/>; the signed
    /// status page (<see cref="StatusHandler"/>, <see cref="StatusLinks"/>); satisfaction ratings and their monthly
    /// report (<see cref="SatisfactionStore"/>). Settings: <c>Helpdesk:Conversation</c> (<see cref="ConversationOptions"/>).
    /// </summary>
    public static IServiceCollection AddHelpdeskConversation(this IServiceCollection services)
    {
        services.AddValidatedOptions<ConversationOptions, ConversationOptionsValidator>(ConversationOptions.Section);
        services.AddStorageResources(StorageResourceKind.Table, BouncedAddresses.TableName, SatisfactionStore.TableName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StatusLinks>();
        services.TryAddSingleton<BouncedAddresses>();
        services.TryAddSingleton<SatisfactionStore>();
        services.TryAddSingleton<StatusUploadReader>();
        services.TryAddSingleton<RequesterAttachments>();
        services.TryAddSingleton<StatusHandler>();
        services.TryAddSingleton<SatisfactionReportHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITicketEventHandler, RequesterMail>());
        return services;
    }
}
