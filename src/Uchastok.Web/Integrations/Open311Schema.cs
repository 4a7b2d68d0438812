using System.Text.Json.Serialization;

namespace Uchastok.Web.Integrations;

// The JSON of each GeoReport v2 answer, as records, so that the OpenAPI document can describe it.
// The answers themselves are written from an Open311Node tree by Open311Writer (XML and JSON from
// one tree, as the specification's conversion asks); these records only name the shape that tree
// takes in JSON. Open311SchemaTests reads every JSON answer into them with unknown members refused,
// so a field the writer adds and the schema lacks fails a test.

public sealed record Open311DiscoveryJson(
    [property: JsonPropertyName("changeset")] string Changeset,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("key_service")] string KeyService,
    [property: JsonPropertyName("endpoints")] IReadOnlyList<Open311EndpointJson> Endpoints);

public sealed record Open311EndpointJson(
    [property: JsonPropertyName("specification")] string Specification,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("changeset")] string Changeset,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("formats")] IReadOnlyList<string> Formats);

public sealed record Open311ServiceJson(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("metadata")] bool Metadata,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("keywords")] string Keywords,
    [property: JsonPropertyName("group")] string Group);

public sealed record Open311ServiceDefinitionJson(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("attributes")] IReadOnlyList<Open311AttributeJson> Attributes);

public sealed record Open311AttributeJson(
    [property: JsonPropertyName("variable")] bool Variable,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("required")] bool Required,
    [property: JsonPropertyName("datatype_description")] string? DatatypeDescription,
    [property: JsonPropertyName("order")] int Order,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("values")] IReadOnlyList<Open311AttributeValueJson> Values);

public sealed record Open311AttributeValueJson(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("name")] string Name);

/// <summary>A service request's public view (GET requests); <c>extended_attributes</c> only with <c>extensions=true</c>.</summary>
public sealed record Open311RequestJson(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_notes")] string StatusNotes,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("agency_responsible")] string AgencyResponsible,
    [property: JsonPropertyName("service_notice")] string? ServiceNotice,
    [property: JsonPropertyName("requested_datetime")] string RequestedDatetime,
    [property: JsonPropertyName("updated_datetime")] string UpdatedDatetime,
    [property: JsonPropertyName("expected_datetime")] string? ExpectedDatetime,
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("address_id")] string? AddressId,
    [property: JsonPropertyName("zipcode")] string? Zipcode,
    [property: JsonPropertyName("lat")] double? Lat,
    [property: JsonPropertyName("long")] double? Long,
    [property: JsonPropertyName("media_url")] string? MediaUrl,
    [property: JsonPropertyName("extended_attributes")] Open311ExtendedAttributesJson? ExtendedAttributes = null);

public sealed record Open311ExtendedAttributesJson(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("state_name")] string StateName,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("due_date")] string DueDate,
    [property: JsonPropertyName("overdue")] bool Overdue,
    [property: JsonPropertyName("decided_date")] string? DecidedDate,
    [property: JsonPropertyName("extensions")] int Extensions,
    [property: JsonPropertyName("contested")] bool Contested,
    [property: JsonPropertyName("forwarded_to")] string? ForwardedTo,
    [property: JsonPropertyName("beat_code")] string? BeatCode,
    [property: JsonPropertyName("district")] string? District);

/// <summary>The answer to a filing (POST requests): the new request's id and what will happen to it.</summary>
public sealed record Open311FiledJson(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("service_notice")] string ServiceNotice);

public sealed record Open311TokenJson(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("token")] string Token);

/// <summary>One entry of the specification's error list; the code is the HTTP status.</summary>
public sealed record Open311ErrorJson(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("description")] string Description);
