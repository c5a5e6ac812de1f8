namespace Helpdesk.Core.Tickets;

public enum Category
{
    Hardware,
    Software,
    BusinessSoftware,
    Network,
    Internet,
    Account,
    Printer,
    Security,
    Other,
}
