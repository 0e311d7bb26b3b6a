export default defineBackground(() => {
  // Listeners are registered synchronously here as features arrive (DESIGN §3).
});
