using Helpdesk.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Tickets;

public static class TicketsServiceCollectionExtensions
{
    /// <summary>
    /// Tickets: the model and its state machine, numbering, level queues, the requester index, the priority matrix,
    /// lifecycle events (published to <see cref="TicketQueues.Events"/>, each handler run on its own) and the
    /// technicians' routes (<see cref="TicketHandler"/>).
    /// </summary>
    public static IServiceCollection AddHelpdeskTickets(this IServiceCollection services)
    {
        services.AddValidatedOptions<PriorityMatrixOptions, PriorityMatrixOptionsValidator>(PriorityMatrixOptions.Section);
        services.AddValidatedOptions<TicketNumberingOptions, TicketNumberingOptionsValidator>(TicketNumberingOptions.Section);
        services.AddStorageResources(StorageResourceKind.Table, StorageClients.TicketsTable, StorageClients.IndexTable);
        services.AddStorageResources(StorageResourceKind.Queue, TicketQueues.Events);
        services.TryAddSingleton<TicketStore>();
        services.TryAddSingleton<TicketNumbers>();
        services.TryAddSingleton<LevelQueues>();
        services.TryAddSingleton<RequesterIndex>();
        services.TryAddSingleton<PriorityMatrix>();
        services.TryAddSingleton<ITicketEventPublisher, QueueTicketEventPublisher>();
        services.TryAddSingleton<TicketEventDispatcher>();
        services.TryAddSingleton<TicketService>();
        services.TryAddSingleton<TicketHandler>();
        // The ticket view carries the requester's rating (Conversation/).
        services.TryAddSingleton<Conversation.SatisfactionStore>();
        services.AddStorageResources(StorageResourceKind.Table, Conversation.SatisfactionStore.TableName);
        return services;
    }
}
