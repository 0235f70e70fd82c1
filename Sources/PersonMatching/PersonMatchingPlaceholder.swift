/// Placeholder until the matcher lands.
enum PersonMatchingPlaceholder {}
