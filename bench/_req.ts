import { runCreateRequestBench, runApprovalRaceBench } from './http-requests';
console.log(await runCreateRequestBench({ seconds: 8 }));
console.log(await runApprovalRaceBench());
