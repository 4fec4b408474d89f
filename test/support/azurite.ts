// The tests start Azurite exactly as `npm start` does: the product's own code (scripts/local).
export * from '../../scripts/local/azurite';
