using System.Text.Json;
using ChatOps.Core.Chat;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Adapters.Api;

public static partial class CommandApiEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// One turn as the token's user in conversation <c>api/{user}/{conversation}</c>: text, a typed command or a button action; the
    /// <c>Idempotency-Key</c> header makes a retried call a no-op, like a redelivered chat event.
    /// </summary>
    private static async Task<IResult> PostCommandAsync(HttpContext context)
    {
        var (token, refusal) = await AuthenticateAsync(context).ConfigureAwait(false);
        if (token is null) return refusal!;
        var limit = MaxBody(context);
        var body = await ReadBodyAsync(context.Request, limit).ConfigureAwait(false);
        if (body is null)
        {
            await AuditRefusalAsync(context, token.User, "message size", $"body over {limit} bytes").ConfigureAwait(false);
            return Results.Json(new ApiError($"the body is larger than {limit} bytes"), statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        CommandRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<CommandRequest>(body, Json);
        }
        catch (JsonException)
        {
            return BadRequest("the body must be JSON: {\"text\": …}, {\"command\": {\"intent\": …}} or {\"conversation\": …, \"action\": …}");
        }

        if (request is null || (request.Text is null ? 0 : 1) + (request.Command is null ? 0 : 1) + (request.Action is null ? 0 : 1) != 1)
        {
            return BadRequest("send exactly one of text, command or action");
        }

        if (request.Conversation is { } given && !SafeId().IsMatch(given)) return BadRequest("conversation is letters, digits, '-' and '_' (at most 64)");
        if (request.Action is not null && request.Conversation is null) return BadRequest("an action belongs to a conversation: send the conversation of the reply whose button it is");
        var idempotency = context.Request.Headers["Idempotency-Key"].ToString();
        if (idempotency.Length > 0 && !SafeId().IsMatch(idempotency)) return BadRequest("Idempotency-Key is letters, digits, '-' and '_' (at most 64)");

        var conversation = request.Conversation ?? Guid.NewGuid().ToString("N")[..16];
        var turn = new IncomingTurn(new ConversationKey(Workspace, token.User, conversation), token.User, request.Text ?? "", request.Action,
            EventId: idempotency.Length > 0 ? $"api:{token.User}:{idempotency}" : null, Command: request.Command?.ToCommand());
        var handler = context.RequestServices.GetRequiredService<ITurnHandler>();
        var replies = await handler.HandleAsync(turn, context.RequestAborted).ConfigureAwait(false);
        // why: the response carries the replies; there is no chat where the sweep could post them again
        await handler.DeliveredAsync(turn.Key, Deliveries.Of(replies), CancellationToken.None).ConfigureAwait(false);
        return Results.Json(new CommandResponse(conversation, replies.Select(ToApi).ToList()), Json);
    }

    private static ApiReply ToApi(Reply reply) =>
        new(reply.Text, reply.Buttons.Select(b => new ApiButton(b.Label, b.ActionId)).ToList(), reply.Ephemeral, reply.RunId);

    private static IResult BadRequest(string why) => Results.Json(new ApiError(why), statusCode: StatusCodes.Status400BadRequest);

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
