namespace ChatOps.Soak;

/// <summary>What people type, in English and Chinese, close to how they write in the training data but never copied from the test split.</summary>
internal static class Phrases
{
    /// <summary>Services with a GitLab project and a Deployment in every namespace, with a Chinese alias each.</summary>
    public static readonly (string En, string Zh)[] Services =
    [
        ("checkout", "结账"), ("payments", "支付服务"), ("cart", "购物车"), ("orders", "订单服务"),
        ("inventory", "库存服务"), ("users", "用户服务"), ("search", "搜索服务"), ("gateway", "网关"),
    ];

    public static string DeployProd((string En, string Zh) s, bool zh, Random r) =>
        zh ? Pick(r, $"把{s.Zh}部署到生产环境", $"发布{s.Zh}到生产") : Pick(r, $"deploy {s.En} to prod", $"please ship {s.En} to production");

    public static string DeployUat((string En, string Zh) s, bool zh, Random r) =>
        zh ? Pick(r, $"部署 {s.En} 到 uat", $"把{s.Zh}部署到预发") : Pick(r, $"deploy {s.En} to uat", $"ship {s.En} to uat please");

    public static string Pods((string En, string Zh) s, bool zh, Random r) =>
        zh ? $"看一下{s.Zh}在qa的pod" : Pick(r, $"pods for {s.En} in staging", $"show me the {s.En} pods in qa");

    public static string Logs((string En, string Zh) s, bool zh, Random r) =>
        zh ? $"看一下{s.Zh}在staging的日志" : Pick(r, $"logs of {s.En} in staging", $"show the last 20 log lines of {s.En} in qa");

    public static string Restart((string En, string Zh) s, bool zh, Random r) =>
        zh ? $"重启dev环境的{s.Zh}" : Pick(r, $"restart {s.En} in dev", $"rolling restart {s.En} dev");

    public static string NeverMind(bool zh, Random r) => zh ? Pick(r, "算了", "不用了，取消吧") : Pick(r, "never mind", "cancel that");

    public static string TypedConfirm(bool zh) => zh ? "确认" : "yes, confirm";

    public static string TypedCancel(bool zh) => zh ? "取消" : "cancel";

    public static bool SaysCancelled(Answer a) => a.Contains("Cancelled") || a.Contains("已取消") || a.Contains("cancelled") || a.Contains("取消");

    /// <summary>The bot's "this request is already running; it will not run twice" (AlreadyHandled), in either language.</summary>
    public static bool SaysAlreadyRunning(Answer a) => a.Contains("will not run twice") || a.Contains("不会重复执行");

    private static string Pick(Random r, params string[] choices) => choices[r.Next(choices.Length)];
}
