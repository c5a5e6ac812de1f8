namespace Helpdesk.Core.Console;

/// <summary>
/// The technicians' console, under <c>/api/console</c> in both hosts. Pages find the signed-in person themselves
/// (<see cref="Technicians.SignedInPeople"/>), so the Functions app maps them anonymous and Easy Auth / the roster decide.
/// </summary>
public static class ConsoleRoutes
{
    public const string Queues = "console";
    public const string Ticket = "console/tickets/{number}";
    public const string TicketAction = "console/tickets/{number}/{action}";
    public const string Phone = "console/phone";
    public const string SignIn = "console/sign-in";
    public const string SignOut = "console/sign-out";
    public const string Roster = "console/roster";
    public const string Operations = "console/operations";
    public const string OperationsReplay = "console/operations/replay";

    public static string Path(string route) => "/" + Web.ApiRoutes.Prefix + "/" + route;

    public static string TicketPath(int number) => Path("console/tickets/" + number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
