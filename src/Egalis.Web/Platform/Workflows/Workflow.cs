using System.Security.Claims;
using Egalis.Web.Platform.Audit;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Email;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egalis.Web.Platform.Workflows;

/// <summary>
/// An allowed step of a workflow: from a state to another, named as the record's page offers it; when it needs a
/// reason, the message that asks for it (« Indiquez le motif du refus. »).
/// </summary>
public sealed record Transition<TEtat>(TEtat From, TEtat To, string Label, string? ReasonPrompt = null) where TEtat : struct, Enum;

/// <summary>
/// The states of a kind of record and the steps allowed between them, declared once (a dossier of the fund, a
/// registration, an act's transmission). <see cref="Workflows"/> checks and records each step.
/// </summary>
/// <param name="sujet">The record as a refusal names it: « Un acte ».</param>
public sealed class Workflow<TEtat>(string type, string capacite, string sujet, Func<TEtat, string> libelle, params Transition<TEtat>[] transitions)
    where TEtat : struct, Enum
{
    public string Subject { get; } = sujet;
    /// <summary>The history's key for this kind of record (« acte-transmission »).</summary>
    public string Type { get; } = type;
    /// <summary>The capability a person needs on the record to take any step.</summary>
    public string Capability { get; } = capacite;
    public IReadOnlyList<Transition<TEtat>> Transitions { get; } = transitions;

    public string Label(TEtat etat) => libelle(etat);

    public Transition<TEtat>? Find(TEtat de, TEtat vers) => Transitions.FirstOrDefault(t => t.From.Equals(de) && t.To.Equals(vers));

    public IEnumerable<Transition<TEtat>> From(TEtat de) => Transitions.Where(t => t.From.Equals(de));
}

/// <summary>One step taken: which record, from which state to which, who, when and why. The record's page shows them.</summary>
public class WorkflowStep
{
    public int Id { get; set; }
    public required string Type { get; set; }
    public required string EnregistrementId { get; set; }
    public required string De { get; set; }
    public required string Vers { get; set; }
    public required string Par { get; set; }
    public DateTimeOffset Le { get; set; }
    /// <summary>The date the step took place (a transmission's date), when it is not the day it was recorded.</summary>
    public DateOnly? Date { get; set; }
    public string? Motif { get; set; }
}

public class WorkflowStepConfiguration : IEntityTypeConfiguration<WorkflowStep>
{
    public void Configure(EntityTypeBuilder<WorkflowStep> b)
    {
        b.ToTable("EtapesWorkflow");
        b.Property(e => e.Type).HasMaxLength(60);
        b.Property(e => e.EnregistrementId).HasMaxLength(60);
        b.Property(e => e.De).HasMaxLength(60);
        b.Property(e => e.Vers).HasMaxLength(60);
        b.Property(e => e.Par).HasMaxLength(460);
        b.Property(e => e.Motif).HasMaxLength(2000);
        b.HasIndex(e => new { e.Type, e.EnregistrementId, e.Id });
    }
}

/// <summary>
/// Takes the steps of workflows: checks that the step is allowed from the record's current state and that the person
/// holds the workflow's capability on this record, records the step in the history (in the caller's unit of work,
/// saved with the record's own changes, audited with them), and can send an e-mail once saved.
/// </summary>
public sealed class Workflows(EgalisDbContext db, IAuthorizationService autorisation, TimeProvider time, DeferredEmails envois)
{
    /// <summary>The longest reason a step keeps (its column's size).</summary>
    public const int LongueurMotif = 2000;

    /// <summary>
    /// Takes a step: checks it is allowed from the current state, that the person holds the workflow's capability on
    /// <paramref name="enregistrementAutorise"/>, that a reason is given when the step needs one; then runs
    /// <paramref name="appliquer"/> (the record's own checks and changes: dates, amounts) and, if it agrees, adds the
    /// step to the history. The caller sets the new state and saves: the step lands with the record, or neither does.
    /// A refusal is keyed by field: « Statut » for the step, « Motif » for the reason, "" for a right the person lacks.
    /// </summary>
    public async Task<Result> StepAsync<TEtat>(Workflow<TEtat> workflow, ClaimsPrincipal qui, object enregistrementAutorise, string id,
        TEtat actuel, TEtat vers, Func<Result> appliquer, DateOnly? date = null, string? motif = null) where TEtat : struct, Enum
    {
        if (workflow.Find(actuel, vers) is not { } transition)
        {
            return Result.Failure("Statut", $"{workflow.Subject} « {workflow.Label(actuel)} » ne peut pas passer à « {workflow.Label(vers)} ».");
        }
        if (!(await autorisation.AuthorizeAsync(qui, enregistrementAutorise, new OnRecordRequirement(workflow.Capability))).Succeeded)
        {
            return Result.Failure("", $"Vous n'avez pas le droit de faire passer cet enregistrement à « {workflow.Label(vers)} ».");
        }
        var raison = Text.Texts.Clean(motif);
        if (transition.ReasonPrompt is { } demande && raison is null)
        {
            return Result.Failure("Motif", demande);
        }
        if (raison is { Length: > LongueurMotif })
        {
            return Result.Failure("Motif", "Le motif ne doit pas dépasser 2 000 caractères.");
        }
        if (appliquer() is { Ok: false } refus)
        {
            return refus;
        }
        db.Add(new WorkflowStep
        {
            Type = workflow.Type, EnregistrementId = id, De = actuel.ToString(), Vers = vers.ToString(),
            Par = PorteeUtilisateur.NomDe(qui) is { Length: > 0 } nom ? nom : "système", Le = time.GetUtcNow(), Date = date, Motif = raison,
        });
        return Result.Success();
    }

    /// <summary>After the save: the e-mail a step sends (to an applicant, a reviewer), queued so that the page does not wait.</summary>
    public void Notify(EmailMessage message) => envois.Enqueue(message);

    /// <summary>A record's steps, oldest first, with the states in words.</summary>
    public async Task<List<(WorkflowStep Etape, string De, string Vers)>> HistoryAsync<TEtat>(Workflow<TEtat> workflow, string id, CancellationToken ct)
        where TEtat : struct, Enum =>
        (await db.Set<WorkflowStep>().AsNoTracking().Where(e => e.Type == workflow.Type && e.EnregistrementId == id).OrderBy(e => e.Id).ToListAsync(ct))
            .Select(e => (e, Libelle(workflow, e.De), Libelle(workflow, e.Vers))).ToList();

    private static string Libelle<TEtat>(Workflow<TEtat> workflow, string etat) where TEtat : struct, Enum =>
        Enum.TryParse<TEtat>(etat, out var valeur) ? workflow.Label(valeur) : etat;
}
