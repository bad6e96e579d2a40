using ChatOps.Core.Catalog;
using ChatOps.Executors.Tests.Support;

namespace ChatOps.Executors.Tests.Catalog;

public class CatalogBindingsTests
{
    private static readonly ServiceCatalog Example = CatalogLoader.Load(RepoFiles.Catalog);

    [Fact]
    public void Example_catalog_binds_each_service_to_the_sandbox_layout()
    {
        var checkout = Example.FindBinding("checkout", "uat")!;
        Assert.Equal("shop/checkout", checkout.GitLab!.Project);
        Assert.Equal("main", checkout.GitLab.Ref);
        Assert.Equal(new Dictionary<string, string> { ["DEPLOY_ENV"] = "uat", ["SERVICE"] = "checkout" }, checkout.GitLab.Variables);
        Assert.Equal(("shop", "devops-uat"), (checkout.Zadig!.Project, checkout.Zadig.Workflow));
        Assert.Equal(["build", "deploy"], checkout.Zadig.Inputs.Select(i => i.JobName));
        Assert.Contains("\"env_name\":\"uat\"", checkout.Zadig.Inputs[1].ParametersJson, StringComparison.Ordinal);
        Assert.Contains("\"branch\":\"{ref}\"", checkout.Zadig.Inputs[0].ParametersJson, StringComparison.Ordinal);
        Assert.Equal(new KubernetesBinding("uat", "checkout", "app=checkout"), checkout.Kubernetes);
        Assert.Equal((DeployBackend.GitLab, RollbackMode.PreviousPipeline), (checkout.Deploy!.Value, checkout.Rollback!.Value));
        Assert.Equal(50, Example.Bindings.Count);
    }

    [Fact]
    public void Service_and_environment_layers_replace_catalog_defaults_section_by_section()
    {
        Assert.Equal("platform/gateway", Example.FindBinding("gateway", "qa")!.GitLab!.Project);
        Assert.Equal("gateway", Example.FindBinding("gateway", "qa")!.Kubernetes!.Container);
        Assert.Equal("platform/auth", Example.FindBinding("auth", "prod")!.GitLab!.Project);
        Assert.Equal("prod", Example.FindBinding("auth", "prod")!.Kubernetes!.Namespace);
        Assert.Equal(["build", "approve-prod", "deploy"], Example.FindBinding("cart", "prod")!.Zadig!.Inputs.Select(i => i.JobName));

        var notifications = Example.FindBinding("notifications", "dev")!;
        Assert.True(notifications.Zadig!.ProductWorkflow && notifications.Zadig.Callback);
        Assert.Equal(DeployBackend.Zadig, notifications.Deploy);
        Assert.Null(notifications.Rollback);
        Assert.Equal("devops-qa", Example.FindBinding("notifications", "qa")!.Zadig!.Workflow);
    }

    [Fact]
    public void Named_zadig_workflows_are_found_by_name_alias_or_key_and_keep_their_placeholders()
    {
        var train = Example.FindZadigWorkflow("Release Train")!;
        Assert.Equal("release-train", train.Binding.Workflow);
        Assert.Contains("{service}", train.Binding.Inputs[0].ParametersJson, StringComparison.Ordinal);
        Assert.Same(Example.FindZadigWorkflow("devops-chatops"), Example.FindZadigWorkflow("chatops workflow"));
    }

    [Fact]
    public void A_catalog_without_bindings_still_loads()
    {
        var catalog = CatalogLoader.Parse("environments:\n  - name: dev\nservices:\n  - name: cart\n");
        Assert.Empty(catalog.Bindings);
        Assert.Null(catalog.FindBinding("cart", "dev"));
    }

    [Fact]
    public void A_section_set_to_none_switches_off_the_inherited_one()
    {
        var catalog = CatalogLoader.Parse("""
            environments: [{name: dev}, {name: prod}]
            services:
              - name: cart
                bindings:
                  prod: {gitlab: none}
            bindings:
              default:
                gitlab: {project: "shop/{service}"}
                kubernetes: {namespace: "{environment}", deployment: "{service}"}
            """);
        Assert.Null(catalog.FindBinding("cart", "prod")!.GitLab);
        Assert.Null(catalog.FindBinding("cart", "prod")!.Deploy);
        Assert.Equal("app=cart", catalog.FindBinding("cart", "prod")!.Kubernetes!.Selector);
        Assert.Equal("shop/cart", catalog.FindBinding("cart", "dev")!.GitLab!.Project);
    }

    [Fact]
    public void Every_binding_problem_is_reported_at_once_with_its_line()
    {
        const string yaml = """
            environments:
              - name: dev
              - name: prod
                aliases: [live]
            services:
              - name: cart
                bindings:
                  live:
                    gitlab: {project: shop/cart}
                  staging:
                    gitlab: {project: shop/cart}
                  default:
                    gitlab: {ref: main}
                    zadig: {project: shop, workflow: "devops-{env}"}
                    kubernetes: {namespace: Shop_Dev, deployment: "cart!", selector: "app=cart"}
                    rollback: workflow
                    owner: team-a
              - name: orders
                bindings:
                  dev:
                    deploy: zadig
                    gitlab: {project: shop/orders, variables: {DEPLOY ENV: x}, colour: blue}
            """;
        var ex = Assert.Throws<CatalogException>(() => CatalogLoader.Parse(yaml, "bad.yaml"));
        void Has(int line, string text) => Assert.Contains(ex.Errors, e => e.StartsWith($"line {line}:", StringComparison.Ordinal) && e.Contains(text, StringComparison.Ordinal));
        Has(8, "must use the canonical environment name 'prod'");
        Has(10, "binding 'staging' is not an environment");
        Has(13, "'project' is missing");
        Has(14, "unknown placeholder '{env}'");
        Has(15, "namespace 'Shop_Dev' is not a DNS-1123 label");
        Has(15, "deployment 'cart!' is not a DNS-1123 subdomain");
        Has(16, "rollback: workflow needs a zadig binding with 'rollback_workflow'");
        Has(17, "unknown key 'owner'");
        Has(21, "deploy: zadig needs a zadig binding");
        Has(22, "'DEPLOY ENV' is not a CI variable name");
        Has(22, "unknown key 'colour'");
        Assert.True(ex.Errors.Count >= 11);
        Assert.Equal(ex.Errors.Count, ex.Errors.Distinct().Count());
    }

    [Fact]
    public void Top_level_keys_and_named_workflows_are_validated_too()
    {
        const string yaml = """
            environments: [{name: dev}]
            services: [{name: cart}]
            zadig_workflows:
              - name: Release Train
                project: shop
              - name: nightly
                project: shop
                workflow: nightly
                callback: true
            extras: 1
            """;
        var ex = Assert.Throws<CatalogException>(() => CatalogLoader.Parse(yaml));
        Assert.Contains(ex.Errors, e => e.StartsWith("line 4:", StringComparison.Ordinal) && e.Contains("DNS-1123", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("line 4:", StringComparison.Ordinal) && e.Contains("'workflow' is missing", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("line 9:", StringComparison.Ordinal) && e.Contains("product_workflow", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("line 10:", StringComparison.Ordinal) && e.Contains("unknown key 'extras'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_example_in_docs_executors_md_is_a_valid_catalog()
    {
        var doc = File.ReadAllText(Path.Combine(RepoFiles.Root, "docs", "executors.md"));
        var start = doc.IndexOf("```yaml\n", StringComparison.Ordinal) + 8;
        var yaml = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        var catalog = CatalogLoader.Parse(yaml, "docs/executors.md");

        Assert.Equal(DeployBackend.Zadig, catalog.FindBinding("checkout", "prod")!.Deploy);
        Assert.Equal("rollback-uat", catalog.FindBinding("checkout", "uat")!.Zadig!.RollbackWorkflow);
        Assert.Equal("CHECKOUT_TRIGGER_TOKEN", catalog.FindBinding("checkout", "uat")!.GitLab!.TriggerTokenEnv);
        Assert.NotNull(catalog.FindZadigWorkflow("release train"));
    }
}
