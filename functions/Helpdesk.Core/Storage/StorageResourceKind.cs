namespace Helpdesk.Core.Storage;

public enum StorageResourceKind
{
    Table,
    Queue,
    Container,
}
