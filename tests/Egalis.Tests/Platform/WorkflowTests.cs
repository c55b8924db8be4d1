using Egalis.Web.Features.Deliberations;

namespace Egalis.Tests.Platform;

/// <summary>A workflow declared once: the steps it allows, and only those.</summary>
public class WorkflowTests
{
    private static readonly Egalis.Web.Platform.Workflows.Workflow<StatutTransmission> Transmission = TransmissionActe.Workflow;

    [Fact]
    public void The_transmission_allows_exactly_its_four_steps()
    {
        var permis = Enum.GetValues<StatutTransmission>()
            .SelectMany(de => Enum.GetValues<StatutTransmission>().Where(vers => Transmission.Find(de, vers) is not null).Select(vers => $"{de}→{vers}"))
            .ToList();
        Assert.Equal(["ATransmettre→Transmis", "Transmis→Acquitte", "Transmis→Refuse", "Refuse→Transmis"], permis);
    }

    [Fact]
    public void From_each_state_the_page_offers_the_next_steps_and_a_refusal_needs_its_reason()
    {
        Assert.Equal([StatutTransmission.Acquitte, StatutTransmission.Refuse], Transmission.From(StatutTransmission.Transmis).Select(t => t.To));
        Assert.Empty(Transmission.From(StatutTransmission.Acquitte));
        Assert.Equal("Indiquez le motif du refus.", Transmission.Find(StatutTransmission.Transmis, StatutTransmission.Refuse)!.ReasonPrompt);
        Assert.Null(Transmission.Find(StatutTransmission.Transmis, StatutTransmission.Acquitte)!.ReasonPrompt);
        Assert.Equal("acquitté", Transmission.Label(StatutTransmission.Acquitte));
    }
}
