using System.Text.Json.Nodes;
using ChatOps.Sandbox.Tests.Support;

namespace ChatOps.Sandbox.Tests;

public class ShapeAssertTests
{
    private static readonly JsonNode Project = JsonNode.Parse(
        """{"id":4711,"name":"checkout","path":"checkout","path_with_namespace":"shop/checkout","default_branch":"main","web_url":"u","namespace":{"id":88,"full_path":"shop","kind":"group"}}""")!;

    [Fact]
    public void A_body_with_exactly_the_contract_fields_passes()
    {
        Assert.Empty(ShapeAssert.Problems("gitlab-shapes.json", "project", Project));
    }

    [Fact]
    public void Wrong_types_missing_fields_and_invented_fields_are_each_reported()
    {
        var body = Project.DeepClone().AsObject();
        body["id"] = "4711";
        body.Remove("path");
        body["namespace"]!["parent_id"] = 1;

        var problems = ShapeAssert.Problems("gitlab-shapes.json", "project", body);

        Assert.Contains("id: expected number, got string", problems);
        Assert.Contains("path: missing", problems);
        Assert.Contains("namespace.parent_id: sent but not in the contract", problems);
    }
}
