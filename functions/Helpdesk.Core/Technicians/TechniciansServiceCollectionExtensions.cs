using Helpdesk.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Technicians;

public static class TechniciansServiceCollectionExtensions
{
    /// <summary>
    /// Technicians: the roster (levels, language, role), personal sign-in keys hashed at rest, console sessions, the
    /// platform principal (Easy Auth), and the <see cref="Caller"/> every ticket action is attributed to.
    /// </summary>
    public static IServiceCollection AddHelpdeskTechnicians(this IServiceCollection services)
    {
        services.AddValidatedOptions<TechniciansOptions, TechniciansOptionsValidator>(TechniciansOptions.Section);
        services.AddStorageResources(StorageResourceKind.Table, TechnicianTables.Roster, TechnicianTables.Sessions);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Roster>();
        services.TryAddSingleton<Sessions>();
        services.TryAddSingleton<SignedInPeople>();
        services.TryAddSingleton<RosterHandler>();
        services.AddHostedService<RosterBootstrap>();
        return services;
    }
}
