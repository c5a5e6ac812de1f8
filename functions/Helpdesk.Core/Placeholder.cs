namespace Helpdesk.Core; public static class Placeholder { }
