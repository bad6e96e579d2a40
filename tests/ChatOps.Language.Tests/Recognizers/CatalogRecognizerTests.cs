using ChatOps.Language.Recognizers;
using static ChatOps.Language.Tests.Recognizers.RecognizerFixture;

namespace ChatOps.Language.Tests.Recognizers;

public class CatalogRecognizerTests
{
    private static readonly CatalogRecognizer Recognizer = new(Catalog);

    [Theory]
    [InlineData("deploy checkout to uat please", "service", "checkout")]
    [InlineData("DEPLOY CHECKOUT", "service", "checkout")]
    [InlineData("帮我把支付服务发布到线上", "service", "payments")]
    [InlineData("执行dev环境checkout流水线", "environment", "dev")]
    [InlineData("执行dev环境checkout流水线", "service", "checkout")]
    [InlineData("push it live", "environment", "prod")]
    [InlineData("ship the checkout-service", "service", "checkout")]
    [InlineData("看一下订单在生产的日志", "environment", "prod")]
    [InlineData("ｄｅｐｌｏｙ ｃａｒｔ", "service", "cart")]
    public void Names_and_aliases_resolve_to_the_canonical_name(string text, string entity, string expected)
    {
        Assert.Contains(With(Recognizer, text), m => m.Entity == entity && (string)m.Value == expected);
    }

    [Theory]
    [InlineData("deploy chekout to uat", "service", "checkout")]
    [InlineData("ship cart to prdo", "environment", "prod")]
    [InlineData("restart pamyents", "service", "payments")]
    [InlineData("logs for invetory in staing", "environment", "staging")]
    [InlineData("deploy ordres", "service", "orders")]
    public void Typos_resolve_by_fuzzy_match(string text, string entity, string expected)
    {
        var match = Assert.Single(With(Recognizer, text), m => m.Entity == entity);
        Assert.Equal(expected, match.Value);
        Assert.True(match.Confidence < 0.95, "a fuzzy match is less certain than an exact one");
    }

    [Theory]
    [InlineData("pay with my card")]
    [InlineData("the rollout is stuck")]
    [InlineData("usage?")]
    [InlineData("who is the author")]
    [InlineData("run devops-uat")]
    [InlineData("open shop/checkout")]
    [InlineData("logs of checkout-7d9f8b6c5-x2kqz")]
    [InlineData("curl checkout.internal.example.com")]
    public void Common_words_and_names_inside_names_are_not_catalog_entries(string text)
    {
        Assert.Empty(With(Recognizer, text));
    }

    [Fact]
    public void Several_services_are_all_found_in_order()
    {
        var services = With(Recognizer, "deploy checkout, cart and 订单 to uat").Where(m => m.Entity == "service").OrderBy(m => m.Start).Select(m => m.Value);
        Assert.Equal(["checkout", "cart", "orders"], services);
    }

    [Fact]
    public void Longest_alias_wins_over_its_prefix()
    {
        var match = Assert.Single(With(Recognizer, "重启订单服务"));
        Assert.Equal(4, match.Length);
    }
}
