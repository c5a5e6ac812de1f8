using Helpdesk.Core.Console;
using Helpdesk.Core.Web;

namespace Helpdesk.Standalone.Console;

/// <summary>
/// The console's routes: the twins of the Functions app's <c>ConsoleFunctions</c>. No key filter: each page finds the
/// signed-in person itself (<see cref="ConsoleHandler"/>) and sends anyone else to sign in.
/// </summary>
public static class ConsoleEndpoints
{
    public static IEndpointRouteBuilder MapHelpdeskConsole(this IEndpointRouteBuilder app)
    {
        var console = app.MapGroup("/" + ApiRoutes.Prefix);
        console.MapGet(ConsoleRoutes.Queues, (HttpRequest request, ConsoleHandler handler, CancellationToken ct) => handler.QueuesAsync(request, ct));
        console.MapGet(ConsoleRoutes.Ticket, (HttpRequest request, string number, ConsoleHandler handler, CancellationToken ct) => handler.TicketAsync(request, number, ct));
        console.MapPost(ConsoleRoutes.TicketAction,
            (HttpRequest request, string number, string action, ConsoleHandler handler, CancellationToken ct) => handler.ActAsync(request, number, action, ct));
        console.MapGet(ConsoleRoutes.Phone, (HttpRequest request, ConsoleHandler handler, CancellationToken ct) => handler.PhoneFormAsync(request, ct));
        console.MapPost(ConsoleRoutes.Phone, (HttpRequest request, ConsoleHandler handler, CancellationToken ct) => handler.PhoneAsync(request, ct));
        console.MapGet(ConsoleRoutes.SignIn, (HttpRequest request, ConsoleHandler handler) => handler.SignInForm(request));
        console.MapPost(ConsoleRoutes.SignIn, (HttpRequest request, ConsoleHandler handler, CancellationToken ct) => handler.SignInAsync(request, ct));
        console.MapPost(ConsoleRoutes.SignOut, (HttpRequest request, ConsoleHandler handler, CancellationToken ct) => handler.SignOutAsync(request, ct));
        console.MapGet(ConsoleRoutes.Roster, (HttpRequest request, ConsoleHandler handler, CancellationToken ct) => handler.RosterAsync(request, ct));
        console.MapPost(ConsoleRoutes.Roster, (HttpRequest request, ConsoleHandler handler, CancellationToken ct) => handler.RosterPostAsync(request, ct));
        console.MapGet(ConsoleRoutes.Operations, (HttpRequest request, ConsoleHandler handler, CancellationToken ct) => handler.OperationsAsync(request, ct));
        console.MapPost(ConsoleRoutes.OperationsReplay, (HttpRequest request, ConsoleHandler handler, CancellationToken ct) => handler.ReplayAsync(request, ct));
        return app;
    }
}
