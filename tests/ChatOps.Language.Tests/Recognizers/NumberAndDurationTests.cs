using ChatOps.Language.Recognizers;
using static ChatOps.Language.Tests.Recognizers.RecognizerFixture;

namespace ChatOps.Language.Tests.Recognizers;

public class NumberAndDurationTests
{
    [Theory]
    [InlineData("status of pipeline 4512", "pipeline_id", 4512L)]
    [InlineData("cancel #4512", "pipeline_id", 4512L)]
    [InlineData("重跑流水线4512", "pipeline_id", 4512L)]
    [InlineData("4512号流水线失败了?", "pipeline_id", 4512L)]
    [InlineData("scale orders to 5 replicas in prod", "replicas", 5L)]
    [InlineData("scale orders to five replicas", "replicas", 5L)]
    [InlineData("把购物车扩容到三个副本", "replicas", 3L)]
    [InlineData("last 200 lines of payments logs", "lines", 200L)]
    [InlineData("最后十五行日志", "lines", 15L)]
    [InlineData("scale cart to 6个", "number", 6L)]
    [InlineData("tail 50", "last_count", 50L)]
    public void Numbers_are_typed_by_their_cues(string text, string kind, long value)
    {
        Assert.Contains(Found(text), f => f.Entity == kind && (long)f.Value == value);
    }

    [Theory]
    [InlineData("last 15 minutes of logs", 900)]
    [InlineData("errors in the past hour", 3600)]
    [InlineData("logs 30m", 1800)]
    [InlineData("过去一小时的日志", 3600)]
    [InlineData("最近30分钟", 1800)]
    [InlineData("last 24 hours of prod deploys", 86400)]
    [InlineData("half an hour of logs", 1800)]
    [InlineData("半小时内的事件", 1800)]
    [InlineData("last 2h", 7200)]
    [InlineData("the last two days", 172800)]
    public void Look_back_windows_become_seconds(string text, long seconds)
    {
        Assert.Contains(Found(text), f => f.Entity == "since" && Convert.ToInt64(f.Value, System.Globalization.CultureInfo.InvariantCulture) == seconds);
    }

    [Theory]
    [InlineData("who deployed checkout to prod today?")]
    [InlineData("deploy before 6pm")]
    [InlineData("看一下订单的日志")]
    [InlineData("k8s events")]
    [InlineData("十分重要")]
    public void Points_in_time_and_ordinary_words_are_not_durations_or_numbers(string text)
    {
        Assert.DoesNotContain(Found(text), f => f.Entity is "since" or "number" or "replicas" or "lines");
    }

    [Theory]
    [InlineData("十五", 15L)]
    [InlineData("两百", 200L)]
    [InlineData("一千二", 1200L)]
    [InlineData("三万", 30000L)]
    [InlineData("一百零五", 105L)]
    public void Chinese_numerals_are_read(string text, long value)
    {
        Assert.Equal(value, NumberWords.ParseChinese(text));
    }

    [Fact]
    public void English_number_words_compose()
    {
        Assert.Equal(250, NumberWords.ParseEnglish(["two", "hundred", "fifty"]));
        Assert.Null(NumberWords.ParseEnglish(["lots"]));
    }
}
