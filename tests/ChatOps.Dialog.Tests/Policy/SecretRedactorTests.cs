using ChatOps.Core.Security;

namespace ChatOps.Dialog.Tests.Policy;

public class SecretRedactorTests
{
    private static readonly SecretRedactor Redactor = new(["sandbox-gitlab-token-4711", "short"]);

    [Theory]
    [InlineData("GitLab said 401 for sandbox-gitlab-token-4711", "GitLab said 401 for ****")]
    [InlineData("token glpat-AbCdEf0123456789xyz leaked", "token **** leaked")]
    [InlineData("slack xoxb-1234-5678-abcdefgh and xapp-1-A0-123-abcdef", "slack **** and ****")]
    [InlineData("Authorization: Bearer abc.def-ghi_jkl", "Authorization: Bearer ****")]
    [InlineData("password=hunter22 and api_key: 'zzz yyy'", "password=**** and api_key: ****")]
    [InlineData("with DEPLOY_ENV=prod, REGISTRY_TOKEN=s3cr3t, DB_PASSWORD=pa55", "with DEPLOY_ENV=prod, REGISTRY_TOKEN=****, DB_PASSWORD=****")]
    [InlineData("clone https://ci:hunter2@git.example.com/shop/checkout", "clone https://ci:****@git.example.com/shop/checkout")]
    public void Secrets_are_masked(string text, string expected) => Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("Please confirm: *deploy checkout → prod* GitLab pipeline on shop/checkout @ v1.2.3 with DEPLOY_ENV=prod, SERVICE=checkout")]
    [InlineData("a short message about the shortlist")]
    public void Ordinary_text_is_left_alone(string text) => Assert.Equal(text, Redactor.Redact(text));
}
