using Egalis.Web.Platform.Workflows;

namespace Egalis.Web.Features.Deliberations;

/// <summary>An act's transmission to the prefecture (contrôle de légalité), declared once.</summary>
public static class TransmissionActe
{
    public static readonly Workflow<StatutTransmission> Workflow = new("acte-transmission", DeliberationsModule.TenirLeSecretariat, "Un acte", Libelles.Transmission,
        new(StatutTransmission.ATransmettre, StatutTransmission.Transmis, "Transmis au contrôle de légalité"),
        new(StatutTransmission.Refuse, StatutTransmission.Transmis, "Transmis de nouveau"),
        new(StatutTransmission.Transmis, StatutTransmission.Acquitte, "Accusé de réception reçu"),
        new(StatutTransmission.Transmis, StatutTransmission.Refuse, "Refusé par la préfecture", ReasonPrompt: "Indiquez le motif du refus."));

    public static string Cle(int pointId) => pointId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
