using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.IntegrationTests.Functions;

/// <summary>
/// What a class can reach through the constructors of an app's DI registrations: the graph the container would walk
/// to build it. Type registrations give their constructors' parameters; instances and factories give the
/// constructors of the object they actually produce (resolved from the built provider); <c>IEnumerable&lt;T&gt;</c>
/// gives every registration of <c>T</c>. Only the product's own types (<c>Helpdesk.*</c>) are followed: framework
/// services cannot depend on the product's ports. A service resolved later by hand from an <c>IServiceProvider</c>
/// (e.g. a durable activity's) is not seen: such code fails loudly at its first call instead.
/// </summary>
internal sealed class ServiceGraph(IServiceCollection services, IServiceProvider provider)
{
    /// <returns>The chain of types from <paramref name="root"/> to <paramref name="target"/>, or null when unreachable.</returns>
    public IReadOnlyList<string>? PathTo(Type root, Type target)
    {
        var parents = new Dictionary<Type, Type?> { [root] = null };
        var pending = new Queue<Type>([root]);
        while (pending.TryDequeue(out var current))
        {
            if (current == target)
            {
                var path = new List<string>();
                for (Type? t = current; t is not null; t = parents[t])
                {
                    path.Insert(0, Name(t));
                }

                return path;
            }

            var next = current == root ? ConstructorDependencies(root) : DependenciesOf(current);
            foreach (var dependency in next.Where(d => !parents.ContainsKey(d)))
            {
                parents[dependency] = current;
                pending.Enqueue(dependency);
            }
        }

        return null;
    }

    private IEnumerable<Type> DependenciesOf(Type serviceType)
    {
        if (serviceType.IsGenericType && serviceType.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            return [serviceType.GetGenericArguments()[0]];
        }

        if (!IsOurs(serviceType))
        {
            return [];
        }

        return services.Where(d => d.ServiceType == serviceType && !d.IsKeyedService)
            .SelectMany(ImplementationsOf)
            .Distinct()
            .SelectMany(ConstructorDependencies);
    }

    private IEnumerable<Type> ImplementationsOf(ServiceDescriptor descriptor)
    {
        if (descriptor.ImplementationType is { } type)
        {
            return [type];
        }

        if (descriptor.ImplementationInstance is { } instance)
        {
            return [instance.GetType()];
        }

        // A factory: what it builds, from the app's own provider.
        return provider.GetServices(descriptor.ServiceType).OfType<object>().Select(o => o.GetType());
    }

    private static IEnumerable<Type> ConstructorDependencies(Type type)
    {
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        if (constructors.Length == 0)
        {
            constructors = type.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance);
        }

        return constructors.SelectMany(c => c.GetParameters()).Select(p => p.ParameterType).Distinct();
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Helpdesk.", StringComparison.Ordinal) == true;

    private static string Name(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>" : type.Name;
}
