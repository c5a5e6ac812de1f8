using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Console;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>Console: the technicians' pages (queues, ticket, phone ticket with known requesters, search, team, operations), served by both hosts at <c>/api/console</c>.</summary>
    public static IServiceCollection AddHelpdeskConsole(this IServiceCollection services)
    {
        services.TryAddSingleton<SignInLimiter>();
        services.TryAddSingleton<ConsoleHandler>();
        // Requesters offered on the phone form, kept from new tickets' events (index table, declared by Tickets).
        services.TryAddSingleton<KnownRequesters>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Tickets.ITicketEventHandler, KnownRequesters>(sp => sp.GetRequiredService<KnownRequesters>()));
        // Search beyond the open queues: resolved and closed tickets, kept from their events (index table).
        services.TryAddSingleton<ClosedTicketSearch>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Tickets.ITicketEventHandler, ClosedTicketSearch>(sp => sp.GetRequiredService<ClosedTicketSearch>()));
        // Both indexes for tickets from before they existed: once per installation, in the background after start.
        services.TryAddSingleton<ConsoleIndexBackfill>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsoleIndexBackfill>());
        return services;
    }
}
