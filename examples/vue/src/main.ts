import { createApp } from 'vue';
import '@security-info/elements';
import App from './App.vue';

createApp(App).mount('#app');
