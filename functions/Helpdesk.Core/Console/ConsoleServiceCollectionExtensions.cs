using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Console;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>Console: the technicians' pages (queues, ticket, phone ticket, search, team), served by both hosts at <c>/api/console</c>.</summary>
    public static IServiceCollection AddHelpdeskConsole(this IServiceCollection services)
    {
        services.TryAddSingleton<SignInLimiter>();
        services.TryAddSingleton<ConsoleHandler>();
        return services;
    }
}
