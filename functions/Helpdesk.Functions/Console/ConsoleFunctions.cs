using Helpdesk.Core.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Console;

/// <summary>
/// The console's pages. Anonymous for the Functions host on purpose: a browser cannot send a function key. App Service
/// authentication (Easy Auth, <c>infra/modules/auth.bicep</c>) signs people in with Entra ID, and each page maps the
/// client principal to the roster (<see cref="ConsoleHandler"/>), refusing anyone not on it.
/// </summary>
public sealed class ConsoleFunctions(ConsoleHandler console)
{
    [Function("ConsoleQueues")]
    public Task<IResult> Queues([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ConsoleRoutes.Queues)] HttpRequest request, CancellationToken cancellationToken) =>
        console.QueuesAsync(request, cancellationToken);

    [Function("ConsoleTicket")]
    public Task<IResult> Ticket([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ConsoleRoutes.Ticket)] HttpRequest request, string number, CancellationToken cancellationToken) =>
        console.TicketAsync(request, number, cancellationToken);

    [Function("ConsoleTicketAction")]
    public Task<IResult> TicketAction([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ConsoleRoutes.TicketAction)] HttpRequest request, string number, string action,
        CancellationToken cancellationToken) =>
        console.ActAsync(request, number, action, cancellationToken);

    [Function("ConsolePhoneForm")]
    public Task<IResult> PhoneForm([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ConsoleRoutes.Phone)] HttpRequest request, CancellationToken cancellationToken) =>
        console.PhoneFormAsync(request, cancellationToken);

    [Function("ConsolePhone")]
    public Task<IResult> Phone([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ConsoleRoutes.Phone)] HttpRequest request, CancellationToken cancellationToken) =>
        console.PhoneAsync(request, cancellationToken);

    [Function("ConsoleSignInForm")]
    public IResult SignInForm([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ConsoleRoutes.SignIn)] HttpRequest request) =>
        console.SignInForm(request);

    [Function("ConsoleSignIn")]
    public Task<IResult> SignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ConsoleRoutes.SignIn)] HttpRequest request, CancellationToken cancellationToken) =>
        console.SignInAsync(request, cancellationToken);

    [Function("ConsoleSignOut")]
    public Task<IResult> SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ConsoleRoutes.SignOut)] HttpRequest request, CancellationToken cancellationToken) =>
        console.SignOutAsync(request, cancellationToken);

    [Function("ConsoleRoster")]
    public Task<IResult> Roster([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ConsoleRoutes.Roster)] HttpRequest request, CancellationToken cancellationToken) =>
        console.RosterAsync(request, cancellationToken);

    [Function("ConsoleRosterPost")]
    public Task<IResult> RosterPost([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ConsoleRoutes.Roster)] HttpRequest request, CancellationToken cancellationToken) =>
        console.RosterPostAsync(request, cancellationToken);

    [Function("ConsoleOperations")]
    public Task<IResult> Operations([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ConsoleRoutes.Operations)] HttpRequest request, CancellationToken cancellationToken) =>
        console.OperationsAsync(request, cancellationToken);

    [Function("ConsoleOperationsReplay")]
    public Task<IResult> OperationsReplay([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ConsoleRoutes.OperationsReplay)] HttpRequest request, CancellationToken cancellationToken) =>
        console.ReplayAsync(request, cancellationToken);
}
