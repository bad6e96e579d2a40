namespace ChatOps.Sandbox.Kubernetes;

/// <summary>A Deployment condition whose transition time moves only when its status flips, as the controller does.</summary>
internal sealed class KubeCondition(string type)
{
    public string Type { get; } = type;

    public string Status { get; private set; } = "Unknown";

    public string Reason { get; private set; } = "";

    public string Message { get; private set; } = "";

    public DateTimeOffset LastUpdate { get; private set; }

    public DateTimeOffset LastTransition { get; private set; }

    public void Set(bool status, string reason, string message, DateTimeOffset now)
    {
        var text = status ? "True" : "False";
        if (text != Status)
        {
            LastTransition = now;
        }

        if (text != Status || reason != Reason || message != Message)
        {
            LastUpdate = now;
        }

        (Status, Reason, Message) = (text, reason, message);
    }
}
