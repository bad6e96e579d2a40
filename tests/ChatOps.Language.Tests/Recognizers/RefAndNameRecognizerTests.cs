using static ChatOps.Language.Tests.Recognizers.RecognizerFixture;

namespace ChatOps.Language.Tests.Recognizers;

public class RefAndNameRecognizerTests
{
    [Theory]
    [InlineData("ship payments v2.3.1 to prod", "ref", "v2.3.1")]
    [InlineData("build feature/login of cart", "ref", "feature/login")]
    [InlineData("deploy a1b2c3d to uat", "ref", "a1b2c3d")]
    [InlineData("is main green for payments?", "ref", "main")]
    [InlineData("run the pipeline on release/1.4", "ref", "release/1.4")]
    [InlineData("deploy branch my-topic to dev", "ref", "my-topic")]
    [InlineData("run CI for shop/checkout", "project", "shop/checkout")]
    [InlineData("run zadig workflow devops-uat for checkout", "workflow", "devops-uat")]
    [InlineData("执行uat环境devops-chatops流水线", "workflow", "devops-chatops")]
    [InlineData("migration logs in namespace work", "namespace", "work")]
    [InlineData("kubectl get pods -n kube-system", "namespace", "kube-system")]
    [InlineData("describe checkout-7d9f8b6c5-x2kqz", "pod", "checkout-7d9f8b6c5-x2kqz")]
    [InlineData("logs of pod redis-0x1a2", "pod", "redis-0x1a2")]
    public void Names_are_taken_as_written(string text, string entity, string expected)
    {
        Assert.Contains(Found(text), f => f.Entity == entity && (string)f.Value == expected);
    }

    [Theory]
    [InlineData("kill #8812, wrong branch")]
    [InlineData("current service/env?")]
    [InlineData("trigger workflow nightly-regression")]
    public void Ordinary_words_next_to_cues_are_not_refs_or_projects(string text)
    {
        var found = Found(text);
        Assert.DoesNotContain(found, f => f.Entity is "ref" or "project");
        Assert.DoesNotContain(found, f => f.Entity == "workflow" && (string)f.Value == "trigger");
    }

    [Fact]
    public void The_service_inside_a_workflow_name_is_not_separate()
    {
        var found = Found("run devops-checkout-uat workflow");
        Assert.Equal(("workflow", (object)"devops-checkout-uat"), Assert.Single(found));
    }

    [Fact]
    public void Original_casing_of_refs_is_kept()
    {
        Assert.Contains(Found("deploy Feature/Login-UI to dev"), f => f.Entity == "ref" && (string)f.Value == "Feature/Login-UI");
    }
}
